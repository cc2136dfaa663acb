namespace JcStar.Workflow.Scheme.Facilities;

/// <summary>ISO/IEC 17025 accreditation by the Accreditation Body; <see cref="Pending"/> while the facility awaits it (JSS-01 2.2.2).</summary>
public sealed record Accreditation(string Body, string? CertificateNumber, DateOnly? ValidUntil, bool Pending = false)
{
    public bool IsInForceOn(DateOnly day) => !Pending && CertificateNumber is not null && (ValidUntil is null || day <= ValidUntil);
}
