using JcStar.Workflow.Scheme.Facilities;

namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>
/// JSS-01 6.2: a facility or person with a declared conflict for a product cannot evaluate or decide it,
/// a facility must be approved, accredited and in scope, and an appeal is never handled by the person
/// who made the decision under appeal.
/// </summary>
public sealed class ImpartialityRules(IFacilityStore facilities, IConflictRegister conflicts)
{
    /// <summary>Every reason the facility may not evaluate the case; empty when it may.</summary>
    public IReadOnlyList<string> FacilityProblems(string facilityId, CaseSubject subject, DateOnly day)
    {
        var facility = facilities.Find(facilityId);
        if (facility is null)
            return [$"evaluation facility {facilityId} is not known"];
        var problems = new List<string>();
        if (facility.Status != FacilityApprovalStatus.Approved)
            problems.Add($"{facility.Name} is not approved by the Certification Body (status {facility.Status})");
        if (!facility.Accreditation.IsInForceOn(day))
            problems.Add($"{facility.Name} has no ISO/IEC 17025 accreditation in force on {day:yyyy-MM-dd}");
        if (!facility.ScopeLevels.Contains(subject.Level))
            problems.Add($"{facility.Name} is not approved for level ★{(int)subject.Level}");
        problems.AddRange(ConflictsOf(facilityId, subject).Select(c => $"{facility.Name} declared a conflict of interest ({c.Kind}): {c.Detail}"));
        return problems;
    }

    public void EnsureFacilityMayEvaluate(string facilityId, CaseSubject subject, DateOnly day)
    {
        var problems = FacilityProblems(facilityId, subject, day);
        if (problems.Count > 0)
            throw new SchemeRuleViolation("facility.not-eligible", $"case {subject.CaseNumber}: facility {facilityId} cannot be assigned: {string.Join("; ", problems)}");
    }

    /// <summary>Reasons a staff member may not handle (review, decide) the case.</summary>
    public IReadOnlyList<string> HandlerProblems(string userId, CaseSubject subject) =>
        [.. ConflictsOf(userId, subject).Select(c => $"{userId} declared a conflict of interest ({c.Kind}): {c.Detail}")];

    public void EnsureHandlerMayHandle(string userId, CaseSubject subject)
    {
        var problems = HandlerProblems(userId, subject);
        if (problems.Count > 0)
            throw new SchemeRuleViolation("handler.conflict", $"case {subject.CaseNumber}: {string.Join("; ", problems)}");
    }

    /// <summary>An appeal handler must not be the person who made the decision under appeal, nor be conflicted.</summary>
    public IReadOnlyList<string> AppealHandlerProblems(string handlerId, string? decisionMadeBy, CaseSubject subject)
    {
        var problems = new List<string>();
        if (decisionMadeBy is not null && string.Equals(handlerId, decisionMadeBy, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{handlerId} made the decision under appeal and cannot handle the appeal against it");
        problems.AddRange(HandlerProblems(handlerId, subject));
        return problems;
    }

    public void EnsureAppealHandlerIsImpartial(string handlerId, string? decisionMadeBy, CaseSubject subject)
    {
        var problems = AppealHandlerProblems(handlerId, decisionMadeBy, subject);
        if (problems.Count > 0)
            throw new SchemeRuleViolation("appeal.handler-not-impartial", $"case {subject.CaseNumber}: {string.Join("; ", problems)}");
    }

    private IEnumerable<ConflictDeclaration> ConflictsOf(string partyId, CaseSubject subject) =>
        conflicts.DeclaredBy(partyId).Where(c =>
            string.Equals(c.SupplierId, subject.SupplierId, StringComparison.Ordinal)
            && (c.ProductName is null || string.Equals(c.ProductName, subject.ProductName, StringComparison.Ordinal)));
}
