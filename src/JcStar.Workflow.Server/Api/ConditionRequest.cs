using System.Text.Json;

namespace JcStar.Workflow.Server.Api;

/// <param name="Variables">What the conditions are evaluated against; each instance started gets them.</param>
/// <param name="ProcessId">Only this process's conditional start events; every process's when absent.</param>
/// <param name="BusinessKey">The business key of each instance started.</param>
/// <param name="ApplicantOrganizationId">The applicant organization of the cases started (staff name it; an applicant's is their own).</param>
public sealed record ConditionRequest(Dictionary<string, JsonElement>? Variables, string? ProcessId, string? BusinessKey, string? ApplicantOrganizationId = null);
