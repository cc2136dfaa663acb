namespace JcStar.Workflow.Mail;

/// <summary>How the SMTP connection is protected; configured as none, starttls or ssl.</summary>
public enum SmtpSecurity
{
    None,
    StartTls,
    Ssl,
}
