using System.Text.Json;
using JcStar.Workflow.Runtime.Tasks;

namespace JcStar.Workflow.Server.Api;

public sealed record TaskView(
    string Id, string InstanceId, string ProcessId, string? BusinessKey, string ElementId, string? Name, string Status,
    string? Assignee, IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? DueAt, DateTimeOffset? FollowUpAt, int Priority, string? FormKey, string? Documentation,
    DateTimeOffset CreatedAt, DateTimeOffset? ClaimedAt, DateTimeOffset? CompletedAt, string? CompletedBy, JsonElement? FormData)
{
    public static TaskView From(HumanTask t) =>
        new(t.Id, t.InstanceId, t.ProcessId, t.BusinessKey, t.ElementId, t.Name, t.Status.ToString(), t.Assignee,
            t.CandidateUsers, t.CandidateGroups, t.DueAt, t.FollowUpAt, t.Priority, t.FormKey, t.Documentation,
            t.CreatedAt, t.ClaimedAt, t.CompletedAt, t.CompletedBy,
            t.FormDataJson is null ? null : JsonSerializer.Deserialize<JsonElement>(t.FormDataJson));
}
