using System.Globalization;
using System.Text.Json;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Scheme.Impartiality;

namespace JcStar.Workflow.Scheme.Records;

/// <summary>
/// The registers an accreditation assessor reads (JIS Q 17065 7.13, 7.14; JSS-01 6.2): appeals, complaints and
/// disputes with their outcome, who decided and how long each took, and the declared conflicts of interest, each
/// a CSV (<see cref="RegisterCsv"/>). Files: appeals.csv, complaints.csv, disputes.csv, conflicts-of-interest.csv.
/// </summary>
public sealed class SchemeRegisters(IInstanceStore instances, IConflictRegister conflicts)
{
    /// <summary>The procedure that receives appeals, complaints and disputes (workflows/appeals-complaints-disputes.bpmn).</summary>
    public const string AppealsProcessId = "AppealsComplaintsDisputes";

    public static readonly IReadOnlyList<string> CaseHeader =
        ["番号", "種別", "受付日", "対象案件", "状態", "結果", "決定者", "決定日", "終結日", "所要日数", "案件ID"];

    public static readonly IReadOnlyList<string> ConflictHeader =
        ["申告者", "相手方（組織）", "製品", "種類", "内容", "申告日"];

    /// <summary>Writes the four registers into <paramref name="folder"/> (created when missing) and returns their paths.</summary>
    public async Task<IReadOnlyList<string>> ExportAsync(string folder, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var rows = await AppealRowsAsync(ct);
        var written = new List<string>();
        foreach (var (kind, file) in new[] { ("appeal", "appeals.csv"), ("complaint", "complaints.csv"), ("dispute", "disputes.csv") })
        {
            var path = Path.Combine(folder, file);
            await File.WriteAllBytesAsync(path, RegisterCsv.Write(CaseHeader, rows.Where(r => r.Kind == kind).Select(r => r.Fields)), ct);
            written.Add(path);
        }
        var conflictsPath = Path.Combine(folder, "conflicts-of-interest.csv");
        await File.WriteAllBytesAsync(conflictsPath, RegisterCsv.Write(ConflictHeader, conflicts.All().Select(c => (IReadOnlyList<string?>)
            [c.PartyId, c.SupplierId, c.ProductName, c.Kind.ToString(), c.Detail, c.DeclaredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)])), ct);
        written.Add(conflictsPath);
        return written;
    }

    private async Task<List<(string Kind, IReadOnlyList<string?> Fields)>> AppealRowsAsync(CancellationToken ct)
    {
        var rows = new List<(string, IReadOnlyList<string?>, DateTimeOffset)>();
        for (var number = 1; ; number++)
        {
            var page = await instances.QueryAsync(new InstanceQuery(ProcessId: AppealsProcessId, Page: new PageRequest(number, PageRequest.MaxSize)), ct);
            foreach (var instance in page.Items)
            {
                var v = Engine.InstanceStateSerializer.Deserialize(instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables;
                string? Get(string name) => v is not null && v.TryGetValue(name, out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
                var kind = Get("kind") ?? "appeal";
                var received = Date(Get("receivedOn")) ?? DateOnly.FromDateTime(instance.StartedAt.UtcDateTime);
                var closed = Date(Get("closedOn")) ?? (instance.EndedAt is { } ended ? DateOnly.FromDateTime(ended.UtcDateTime) : null);
                rows.Add((kind, [
                    Get("appealNumber") ?? instance.BusinessKey,
                    kind,
                    received.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    Get("subjectCaseNumber"),
                    instance.Status.ToString(),
                    Get("closedWith") ?? Get("outcome"),
                    Get("appealDecidedBy") ?? Get("decisionMadeBy"),
                    Get("decisionMadeOn"),
                    closed?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    closed is { } c ? (c.DayNumber - received.DayNumber).ToString(CultureInfo.InvariantCulture) : null,
                    instance.Id,
                ], instance.StartedAt));
            }
            if (!page.HasMore)
                break;
        }
        return [.. rows.OrderBy(r => r.Item3).ThenBy(r => r.Item2[0], StringComparer.Ordinal).Select(r => (r.Item1, r.Item2))];
    }

    private static DateOnly? Date(string? iso) =>
        DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
}
