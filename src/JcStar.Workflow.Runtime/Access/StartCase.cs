using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>
/// A request to start a case from outside (the API, a page). <see cref="Variables"/> are what the caller typed and
/// are checked against the process's start form; <see cref="DerivedVariables"/> come from trusted records (the
/// applicant organization's register entry) and are set by the host, never by the caller.
/// </summary>
public sealed record StartCase(string ProcessId, string? BusinessKey, ImmutableDictionary<string, JsonElement> Variables)
{
    /// <summary>The applicant organization the case is for: the signed-in applicant's own, or the one a staff member names.</summary>
    public string? ApplicantOrganizationId { get; init; }

    public ImmutableDictionary<string, JsonElement> DerivedVariables { get; init; } = ImmutableDictionary<string, JsonElement>.Empty;
}
