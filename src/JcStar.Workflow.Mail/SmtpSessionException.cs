namespace JcStar.Workflow.Mail;

/// <summary>
/// The relay refused the session rather than a message: TLS failed, AUTH was refused or is required, or the
/// connection does not offer what Mail:Smtp asks for. Every message would fail the same way, so none is failed
/// for it; they wait for the next attempt (usually after someone fixes the relay or Mail:Smtp). The text says which.
/// </summary>
public sealed class SmtpSessionException(string reason, Exception? inner = null) : Exception(reason, inner);
