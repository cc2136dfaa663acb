using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>Self-signed relay certificates made in the test: no authority the system trusts issued them.</summary>
public static class TestCertificates
{
    /// <summary>A server certificate for <paramref name="ipAddress"/> (and localhost), valid from yesterday until tomorrow unless <paramref name="expired"/>.</summary>
    public static X509Certificate2 SelfSigned(string ipAddress = "127.0.0.1", bool expired = false, string commonName = "relay.jcstar.test")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={commonName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Parse(ipAddress));
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, critical: true));
        var now = DateTimeOffset.UtcNow;
        using var made = expired
            ? request.CreateSelfSigned(now.AddDays(-10), now.AddDays(-1))
            : request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    public static string Fingerprint(X509Certificate2 certificate) => Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256));
}
