using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Audit;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// A case started about another case (an appeal against a decision): the other case must be one the caller may
/// see, and who made its decision is read from its history (the last person to complete a task in it), never
/// taken from what the appellant types (JSS-01 6.2: that person may not handle the appeal).
/// </summary>
public static class SubjectCase
{
    public const string Variable = "subjectCaseId";

    public static async Task<ImmutableDictionary<string, JsonElement>> DeriveAsync(
        IReadOnlyDictionary<string, JsonElement>? variables, WorkflowActor actor, WorkflowQueries queries, IAuditLog audit, CancellationToken ct)
    {
        if (variables is null || !variables.TryGetValue(Variable, out var value) || value.ValueKind != JsonValueKind.String || value.GetString() is not { Length: > 0 } caseId)
            return ImmutableDictionary<string, JsonElement>.Empty;
        try
        {
            await queries.GetInstanceAsync(caseId, actor, ct);
        }
        catch (WorkflowNotFoundException)
        {
            throw new WorkflowInputException($"case {caseId} does not exist", new Dictionary<string, string[]> { [Variable] = [$"case {caseId} does not exist"] });
        }
        var decidedBy = (await audit.ListByInstanceAsync(caseId, ct))
            .LastOrDefault(e => e.Action == AuditActions.TaskCompleted && e.Actor != WorkflowActor.System.Id)?.Actor;
        return decidedBy is null
            ? ImmutableDictionary<string, JsonElement>.Empty
            : ImmutableDictionary<string, JsonElement>.Empty.Add("decisionMadeBy", JsonSerializer.SerializeToElement(decidedBy));
    }
}
