namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>The applicant portal and organization sign-up (section "Portal" of the settings).</summary>
public sealed record PortalOptions
{
    public const string Section = "Portal";

    /// <summary>Whether staff must approve an organization that signed itself up before its members can sign in (on /admin).</summary>
    public bool RequireApproval { get; init; }

    /// <summary>How long the mailed links (address confirmation, colleague invitation) stay valid.</summary>
    public TimeSpan LinkValidity { get; init; } = TimeSpan.FromDays(3);

    /// <summary>Sign-ups and invitations one address may send per hour; more answer 429.</summary>
    public int SignUpsPerHour { get; init; } = 10;

    /// <summary>
    /// The address applicants reach this server at (https://…, no trailing slash) for the mailed links; empty means
    /// Public:BaseUrl, and when that is empty too, the address of the request.
    /// </summary>
    public string BaseUrl { get; init; } = "";

    /// <summary>How long an application being written (its values and files, before it is filed) is kept.</summary>
    public TimeSpan DraftValidity { get; init; } = TimeSpan.FromDays(2);

    /// <summary>The messages a case may wait for that the applicant sends from the portal (the others are staff's to record).</summary>
    public string[] ApplicantMessages { get; init; } = ["ApplicationResubmitted", "QuestionAnswered", "FeePaid", "ImprovementReported"];

    /// <summary>The messages among <see cref="ApplicantMessages"/> that tell a payment: the portal asks for the day paid, not a message.</summary>
    public string[] PaymentMessages { get; init; } = ["FeePaid"];

    /// <summary>The procedures an applicant files from the portal besides the self-declaration (★1・★2), in the order offered.</summary>
    public string[] Procedures { get; init; } = ["ThirdPartyCertificationApplication", "LabelExtension", "SuccessorMaintenance", "AppealsComplaintsDisputes"];

    /// <summary>The mail templates (folders under templates/mail) of the two mailed links.</summary>
    public string ConfirmationTemplate { get; init; } = "signup-confirmation";

    public string InvitationTemplate { get; init; } = "colleague-invitation";
}
