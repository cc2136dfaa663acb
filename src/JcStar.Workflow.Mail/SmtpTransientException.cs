namespace JcStar.Workflow.Mail;

/// <summary>The server answered 4xx: try this message again later; the connection itself is still good.</summary>
public sealed class SmtpTransientException(string reason, Exception inner) : Exception(reason, inner);
