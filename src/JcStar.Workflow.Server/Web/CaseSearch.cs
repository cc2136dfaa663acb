using System.Globalization;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The cases list's search: procedure, status and start dates narrow the query the access policy scopes; the free
/// text (application or registration number, applicant, product, model, business key) is matched on each case's facts.
/// </summary>
public sealed record CaseSearch(string? Text, string? Procedure, string? Status, string? From, string? To)
{
    /// <summary>How many cases the free-text search reads at most to fill one page.</summary>
    private const int ScanLimit = 5_000;

    public async Task<(IReadOnlyList<CaseRow> Rows, bool HasMore)> RunAsync(WorkflowQueries queries, WorkflowActor actor, int page, int size)
    {
        InstanceStatus? status = Enum.TryParse<InstanceStatus>(Status, out var s) ? s : null;
        var from = DateOnly.TryParse(From, CultureInfo.InvariantCulture, out var f) ? f : (DateOnly?)null;
        var to = DateOnly.TryParse(To, CultureInfo.InvariantCulture, out var t) ? t : (DateOnly?)null;
        var text = Text?.Trim();
        var matches = new List<CaseRow>();
        var skip = (page - 1) * size;
        var read = 0;
        for (var number = 1; ; number++)
        {
            var batch = await queries.QueryInstancesAsync(new InstanceQuery(string.IsNullOrEmpty(Procedure) ? null : Procedure, null, status, new PageRequest(number, PageRequest.MaxSize)), actor);
            foreach (var instance in batch.Items)
            {
                read++;
                var started = DateOnly.FromDateTime(instance.StartedAt.UtcDateTime);
                if ((from is { } lo && started < lo) || (to is { } hi && started > hi))
                    continue;
                var facts = CaseFacts.From(await queries.CaseVariablesAsync(instance.Id, WorkflowActor.System));
                if (!string.IsNullOrEmpty(text) && !Matches(text, instance, facts))
                    continue;
                matches.Add(new CaseRow(instance, facts));
                if (matches.Count > skip + size)
                    return (matches.Skip(skip).Take(size).ToList(), true);
            }
            if (!batch.HasMore || read >= ScanLimit)
                break;
        }
        return (matches.Skip(skip).Take(size).ToList(), false);
    }

    private static bool Matches(string text, WorkflowInstance instance, CaseFacts facts) =>
        new[] { instance.BusinessKey, instance.Id, facts.ApplicationNumber, facts.RegistrationNumber, facts.Applicant, facts.Product, facts.Models }
            .Any(v => v?.Contains(text, StringComparison.OrdinalIgnoreCase) == true);
}
