using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JcStar.Workflow.Mail;

/// <summary>The relay the dispatcher hands mail to (configuration section Mail:Smtp).</summary>
public sealed record SmtpOptions
{
    /// <summary>Empty means no relay: messages are written as .eml files under <see cref="MailOptions.OutboxFolder"/>.</summary>
    public string? Host { get; init; }

    /// <summary>0 picks the usual port for <see cref="Security"/>: 25, 587 or 465.</summary>
    public int Port { get; init; }

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Empty means no AUTH.</summary>
    public string? User { get; init; }

    public string? Password { get; init; }

    /// <summary>For connecting and for each SMTP command; a hung relay must not hold a message's lease forever.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// SHA-256 fingerprints (64 hex digits; colons, spaces and case ignored) of relay certificates trusted although
    /// no authority the system trusts issued them, such as an internal relay's self-signed certificate. The name
    /// must still match <see cref="Host"/> and the certificate must be valid now. Empty: only the system's authorities.
    /// </summary>
    public IReadOnlyList<string> TrustedCertificateThumbprints { get; init; } = [];

    public int EffectivePort => Port > 0 ? Port : Security switch
    {
        SmtpSecurity.Ssl => 465,
        SmtpSecurity.StartTls => 587,
        _ => 25,
    };

    /// <summary>How <see cref="TrustedCertificateThumbprints"/> and the error messages write a certificate's fingerprint.</summary>
    public static string Fingerprint(X509Certificate certificate) =>
        Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));

    internal static string NormalizedFingerprint(string configured) =>
        configured.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();

    /// <summary>Throws on settings that cannot work: a fingerprint that is not SHA-256 would silently never match.</summary>
    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero)
            throw new InvalidOperationException("Mail:Smtp:Timeout must be positive.");
        foreach (var configured in TrustedCertificateThumbprints)
        {
            var fingerprint = NormalizedFingerprint(configured);
            if (fingerprint.Length != 64 || !fingerprint.All(char.IsAsciiHexDigit))
                throw new InvalidOperationException(
                    $"Mail:Smtp:TrustedCertificateThumbprints: '{configured}' is not a SHA-256 fingerprint (64 hex digits).");
        }
    }
}
