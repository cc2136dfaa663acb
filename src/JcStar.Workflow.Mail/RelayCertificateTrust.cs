using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace JcStar.Workflow.Mail;

/// <summary>
/// Whether the relay's TLS certificate is trusted: what the system trusts, or a certificate pinned in
/// <see cref="SmtpOptions.TrustedCertificateThumbprints"/>. Remembers why it refused one, for the error message.
/// </summary>
internal sealed class RelayCertificateTrust(IReadOnlyList<string> pinned)
{
    /// <summary>What a pin stands in for: the authority nobody installed, and its revocation list. Nothing else.</summary>
    private static readonly X509ChainStatusFlags ForgivenWhenPinned =
        X509ChainStatusFlags.UntrustedRoot | X509ChainStatusFlags.PartialChain
        | X509ChainStatusFlags.RevocationStatusUnknown | X509ChainStatusFlags.OfflineRevocation;

    private readonly HashSet<string> _pinned = pinned.Select(SmtpOptions.NormalizedFingerprint).ToHashSet(StringComparer.Ordinal);

    public string? Rejection { get; private set; }

    public bool Validate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (errors == SslPolicyErrors.None)
            return true;
        if (certificate is null)
        {
            Rejection = $"the relay presented no certificate ({errors})";
            return false;
        }
        var fingerprint = SmtpOptions.Fingerprint(certificate);
        var chainProblems = chain?.ChainStatus.Aggregate(X509ChainStatusFlags.NoError, (all, s) => all | s.Status) ?? X509ChainStatusFlags.NoError;
        var isPinned = _pinned.Contains(fingerprint);
        if (isPinned && errors == SslPolicyErrors.RemoteCertificateChainErrors && (chainProblems & ~ForgivenWhenPinned) == 0)
            return true;

        var problems = errors == SslPolicyErrors.RemoteCertificateChainErrors ? chainProblems.ToString() : $"{errors}; chain: {chainProblems}";
        Rejection = $"the certificate {certificate.Subject} (SHA-256 {fingerprint}) is not trusted: {problems}"
            + (isPinned ? "; it is in Mail:Smtp:TrustedCertificateThumbprints, which does not excuse that"
                : errors == SslPolicyErrors.RemoteCertificateChainErrors ? "; if it is the relay's own certificate, add its fingerprint to Mail:Smtp:TrustedCertificateThumbprints"
                : "");
        return false;
    }
}
