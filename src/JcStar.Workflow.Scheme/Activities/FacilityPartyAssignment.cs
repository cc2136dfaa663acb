using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.check-facility, and when the facility may evaluate: the facility becomes a party to the case, so its
/// members see the case (and the evaluation task routed to their facility group). Recording is idempotent, so a
/// repeated job records the same party.
/// </summary>
public sealed class FacilityPartyAssignment(CheckFacility check, ICasePartyStore parties) : IActivityHandler
{
    public string Name => check.Name;

    public async Task<ActivityResult> ExecuteAsync(ImmutableDictionary<string, JsonElement> inputs, ActivityContext context, CancellationToken cancellationToken)
    {
        var result = await check.ExecuteAsync(inputs, context, cancellationToken);
        if (!result.IsBpmnError
            && result.Outputs.TryGetValue("facilityEligible", out var eligible) && eligible.ValueKind == JsonValueKind.True
            && inputs.TryGetValue("facilityId", out var facility) && facility.ValueKind == JsonValueKind.String)
            await parties.AssignFacilityAsync(context.InstanceId, facility.GetString()!, cancellationToken);
        return result;
    }
}
