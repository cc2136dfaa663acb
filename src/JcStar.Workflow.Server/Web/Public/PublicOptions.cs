namespace JcStar.Workflow.Server.Web.Public;

/// <summary>The pages anyone may open without signing in: the registry and the complaint form (section "Public").</summary>
public sealed record PublicOptions
{
    public const string Section = "Public";

    /// <summary>
    /// The address the public reaches this server at (https://…, no trailing slash), used in the links mailed to
    /// the public. Empty means the address of the request, which is right only behind a proxy that passes the host through.
    /// </summary>
    public string BaseUrl { get; init; } = "";

    public int RegistryPageSize { get; init; } = 50;

    /// <summary>The most entries one page of /api/registry may ask for (?size=).</summary>
    public int RegistryMaxPageSize { get; init; } = 500;

    /// <summary>The most rows one CSV download holds; a crawler pages beyond it.</summary>
    public int RegistryCsvMaxRows { get; init; } = 100_000;

    /// <summary>How long browsers and proxies may keep a registry answer before asking again (they revalidate by ETag).</summary>
    public int RegistryCacheSeconds { get; init; } = 300;

    /// <summary>Complaint submissions one address may make per hour; more answer 429.</summary>
    public int ComplaintsPerHour { get; init; } = 5;

    /// <summary>How long the confirmation link of a complaint stays valid.</summary>
    public TimeSpan ComplaintConfirmationValidity { get; init; } = TimeSpan.FromHours(48);

    /// <summary>The process a confirmed complaint starts (with kind = complaint).</summary>
    public string ComplaintProcessId { get; init; } = "AppealsComplaintsDisputes";

    /// <summary>The mail template (a folder under templates/mail) of the confirmation mail.</summary>
    public string ComplaintConfirmationTemplate { get; init; } = "complaint-confirmation";

    public int ComplaintTextMaxLength { get; init; } = 4000;
}
