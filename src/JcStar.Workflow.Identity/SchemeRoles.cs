using System.Collections.Immutable;

namespace JcStar.Workflow.Identity;

/// <summary>
/// The roles of the scheme and the BPMN candidate groups each gives. The procedures name groups in the plural
/// (<c>label-issuing-managers</c>), so a role gives its own name and that group; a manager also does the staff's
/// work; a facility member gets <c>facility-&lt;id&gt;</c> of their facility.
/// </summary>
public static class SchemeRoles
{
    public const string Applicant = "applicant";
    public const string Facility = "facility";
    public const string LabelIssuingStaff = "label-issuing-staff";
    public const string LabelIssuingManager = "label-issuing-manager";
    public const string CertificationStaff = "certification-staff";
    public const string AppealCoordinator = "appeal-coordinator";
    public const string AppealHandler = "appeal-handler";
    public const string SchemeManager = "scheme-manager";
    public const string Admin = "admin";

    public static ImmutableArray<string> All { get; } =
        [Applicant, Facility, LabelIssuingStaff, LabelIssuingManager, CertificationStaff, AppealCoordinator, AppealHandler, SchemeManager, Admin];

    /// <summary>Roles of the Label Issuing Body, the Certification Body and the scheme's management: the staff.</summary>
    public static ImmutableArray<string> Staff { get; } =
        [LabelIssuingStaff, LabelIssuingManager, CertificationStaff, AppealCoordinator, AppealHandler, SchemeManager];

    /// <summary>User names the system keeps for itself.</summary>
    public static ImmutableArray<string> ReservedUserNames { get; } = ["system", "anonymous", "admin-system"];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);

    public static bool IsStaff(string role) => Staff.Contains(role, StringComparer.Ordinal);

    public static IEnumerable<string> GroupsOf(string role, string? facilityId) => role switch
    {
        Applicant => [Applicant],
        Facility => facilityId is null ? [Facility] : [Facility, $"facility-{facilityId}"],
        LabelIssuingStaff => [LabelIssuingStaff],
        LabelIssuingManager => [LabelIssuingManager, "label-issuing-managers", LabelIssuingStaff],
        CertificationStaff => [CertificationStaff],
        AppealCoordinator => [AppealCoordinator, "appeal-coordinators"],
        AppealHandler => [AppealHandler, "appeal-handlers"],
        SchemeManager => [SchemeManager, "scheme-managers"],
        Admin => [Admin],
        _ => [],
    };
}
