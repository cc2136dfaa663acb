using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Maintenance;

/// <summary>
/// Assumed successor conditions (JSM-02 is not public): the label is valid, the successor comes from
/// the same supplier, its security functions and hardware platform are unchanged, and the differences
/// are stated. When one fails the registrant is told to file a new application.
/// </summary>
public static class SuccessorConditions
{
    public static IReadOnlyList<string> Unmet(RegistryEntry entry, SuccessorDeclaration successor, DateOnly day)
    {
        var unmet = new List<string>();
        var status = entry.StatusOn(day);
        if (status != RegistryStatus.Valid)
            unmet.Add($"the label {entry.RegistrationNumber} is {status.ToString().ToLowerInvariant()}");
        if (!successor.SameSupplier)
            unmet.Add("the successor is supplied by another supplier");
        if (successor.SecurityFunctionsChanged)
            unmet.Add("the successor changes security functions");
        if (successor.HardwarePlatformChanged)
            unmet.Add("the successor changes the hardware platform");
        if (string.IsNullOrWhiteSpace(successor.Differences))
            unmet.Add("the differences from the labelled product are not stated");
        if (successor.ModelNumbers.IsDefaultOrEmpty)
            unmet.Add("no model number is declared for the successor");
        return unmet;
    }
}
