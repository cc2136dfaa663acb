namespace JcStar.Workflow.Mail;

/// <summary>The server refused this message permanently (a 5xx reply); retrying cannot help, other messages are unaffected.</summary>
public sealed class MailRejectedException(string reason, Exception? inner = null) : Exception(reason, inner);
