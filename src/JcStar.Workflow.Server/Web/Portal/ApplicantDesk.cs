using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Bpmn.Model;
using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Scheme;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>
/// What the applicant portal's pages ask: the organization's cases (through the queries, so the one access policy
/// decides which), what each asks of the applicant now, the answer to it (the message the case waits for, delivered
/// with its own correlation key, as staff's "record what arrived" does, but only for <see cref="PortalOptions.ApplicantMessages"/>
/// and only by a member of the case's applicant organization), filing new cases with their files, and the labels.
/// </summary>
public sealed class ApplicantDesk(
    WorkflowQueries queries,
    EventCorrelation events,
    InstanceLifecycle lifecycle,
    CaseAttachments attachments,
    DefinitionCatalog catalog,
    IDefinitionStore definitions,
    SchemeServices scheme,
    PortalOptions options,
    IAuditLog audit,
    TimeProvider time)
{
    /// <summary>How many of the organization's cases the portal lists (newest first).</summary>
    public const int MaxCases = 200;

    public async Task<IReadOnlyList<PortalCase>> CasesAsync(WorkflowActor actor, CancellationToken ct = default)
    {
        var page = await queries.QueryInstancesAsync(new InstanceQuery(Page: new PageRequest(1, Math.Min(MaxCases, PageRequest.MaxSize))), actor, ct);
        var cases = new List<PortalCase>();
        foreach (var instance in page.Items.OrderByDescending(i => i.StartedAt))
            cases.Add(await DescribeAsync(instance, ct));
        return cases;
    }

    /// <summary>One case, or <see cref="WorkflowNotFoundException"/> when it is not the caller's to see.</summary>
    public async Task<(PortalCase Case, IReadOnlyDictionary<string, JsonElement> Variables)> CaseAsync(string instanceId, WorkflowActor actor, CancellationToken ct = default)
    {
        var instance = await queries.GetInstanceAsync(instanceId, actor, ct);
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        return (await DescribeAsync(instance, ct), state.Elements.FirstOrDefault(e => e.Parent == 0)?.Variables ?? ImmutableDictionary<string, JsonElement>.Empty);
    }

    /// <summary>
    /// The applicant's answer to what the case waits for at <paramref name="elementId"/>: the files are checked
    /// first (a refused file sends nothing), kept with the case, and the message delivered with the text, the
    /// files' names and, for a payment, the day paid.
    /// </summary>
    public async Task ReplyAsync(string instanceId, string elementId, string? message, string? paidOn, IReadOnlyList<(string Name, byte[] Content)> files, WorkflowActor actor, CancellationToken ct = default)
    {
        var (found, _) = await CaseAsync(instanceId, actor, ct);
        if (!actor.IsAdmin && !await IsApplicantOfAsync(actor, found, ct))
            throw new WorkflowForbiddenException($"{actor.Id} is not a member of this case's applicant organization");
        var waiting = found.Asked.FirstOrDefault(w => w.ElementId == elementId)
            ?? throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"case {instanceId} no longer waits for an answer at {elementId}");
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var isPayment = options.PaymentMessages.Contains(waiting.MessageName, StringComparer.Ordinal);
        var text = message?.Trim() ?? "";
        if (!isPayment && text.Length == 0)
            errors["message"] = ["Portal_Required"];
        else if (text.Length > 4000 || text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            errors["message"] = ["Portal_TooLong"];
        DateOnly? paid = null;
        if (isPayment)
        {
            if (!DateOnly.TryParseExact(paidOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                errors["paidOn"] = ["Portal_Date"];
            else if (day > scheme.Today(time.GetUtcNow()))
                errors["paidOn"] = ["Portal_DateInFuture"];
            else
                paid = day;
        }
        var refused = files.Select(f => attachments.Problem(f.Name, f.Content)).OfType<string>().ToList();
        if (refused.Count > 0)
            errors["files"] = [.. refused];
        if (errors.Count > 0)
            throw new WorkflowInputException("the answer was not sent", errors);

        var names = new List<string>();
        foreach (var (name, content) in files)
            names.Add((await attachments.AttachToCaseAsync(instanceId, name, content, actor, ct)).Name);
        var variables = ImmutableDictionary<string, JsonElement>.Empty
            .Add("applicantReply", JsonSerializer.SerializeToElement(new { message = text, documents = names, at = time.GetUtcNow(), by = actor.Id }));
        if (paid is { } p)
        {
            var iso = p.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            variables = variables.Add("paidOn", JsonSerializer.SerializeToElement(iso)).Add("receivedOn", JsonSerializer.SerializeToElement(iso));
        }
        if (await events.CorrelateMessageAsync(waiting.MessageName, waiting.CorrelationKey, variables, actor, ct) == 0)
            throw new WorkflowConflictException(ConflictReason.NoLongerPending, $"case {instanceId} no longer waits for {waiting.MessageName}");
    }

    /// <summary>
    /// What the case an application is about (an appeal's <c>subjectCaseId</c>) tells the new case, or
    /// <see cref="WorkflowInputException"/> on that field when the applicant may not see it: another organization's
    /// case reads exactly as no case at all.
    /// </summary>
    public Task<ImmutableDictionary<string, JsonElement>> SubjectCaseAsync(IReadOnlyDictionary<string, JsonElement> variables, WorkflowActor actor, CancellationToken ct = default) =>
        Api.SubjectCase.DeriveAsync(variables, actor, queries, audit, ct);

    /// <summary>Starts the case the applicant filed (checking the case it is about), then keeps the files with it; the files were checked before.</summary>
    public async Task<WorkflowInstance> FileAsync(StartCase start, IReadOnlyList<(string Name, byte[] Content)> files, WorkflowActor actor, CancellationToken ct = default)
    {
        var refused = files.Select(f => attachments.Problem(f.Name, f.Content)).OfType<string>().ToList();
        if (refused.Count > 0)
            throw new WorkflowInputException("the application was not filed", new Dictionary<string, string[]> { ["files"] = [.. refused] });
        start = start with { DerivedVariables = start.DerivedVariables.SetItems(await SubjectCaseAsync(start.Variables, actor, ct)) };
        var instance = await lifecycle.StartCaseAsync(start, actor, ct);
        foreach (var (name, content) in files)
            await attachments.AttachToCaseAsync(instance.Id, name, content, actor, ct);
        return instance;
    }

    /// <summary>The labels granted in the organization's cases, newest first, with their standing today.</summary>
    public async Task<IReadOnlyList<PortalLabel>> LabelsAsync(WorkflowActor actor, CancellationToken ct = default)
    {
        var today = scheme.Today(time.GetUtcNow());
        var labels = new Dictionary<string, PortalLabel>(StringComparer.Ordinal);
        var page = await queries.QueryInstancesAsync(new InstanceQuery(Page: new PageRequest(1, Math.Min(MaxCases, PageRequest.MaxSize))), actor, ct);
        foreach (var instance in page.Items.OrderBy(i => i.StartedAt))
        {
            var variables = InstanceStateSerializer.Deserialize(instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables;
            if (variables is null || !variables.TryGetValue("registrationNumber", out var number) || number.ValueKind != JsonValueKind.String)
                continue;
            if (scheme.RegistryStore.Find(number.GetString()!) is { } entry && (actor.IsAdmin || entry.SupplierId == actor.OrganizationId))
                labels.TryAdd(entry.RegistrationNumber, new PortalLabel(entry, entry.StatusOn(today), instance.Id));
        }
        return [.. labels.Values.OrderByDescending(l => l.Entry.IssueDate)];
    }

    public async Task<string> ProcessNameAsync(string processId, CancellationToken ct = default)
    {
        var definition = await definitions.FindLatestAsync(processId, ct);
        if (definition is null)
            return processId;
        return (await catalog.ModelsAsync(definition, ct))[0].Processes.FirstOrDefault(p => p.Id == processId)?.Name ?? processId;
    }

    private async Task<bool> IsApplicantOfAsync(WorkflowActor actor, PortalCase found, CancellationToken ct)
    {
        // The access policy let the actor see the case; a member of its applicant organization is the one who answers.
        var variables = InstanceStateSerializer.Deserialize(found.Instance.StateJson).Elements.FirstOrDefault(e => e.Parent == 0)?.Variables;
        _ = ct;
        return actor.OrganizationId is { } org && variables is not null && variables.TryGetValue("applicant", out var applicant)
            && applicant.ValueKind == JsonValueKind.Object && applicant.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String && id.GetString() == org;
    }

    private async Task<PortalCase> DescribeAsync(WorkflowInstance instance, CancellationToken ct)
    {
        var state = InstanceStateSerializer.Deserialize(instance.StateJson);
        var variables = state.Elements.FirstOrDefault(e => e.Parent == 0)?.Variables ?? ImmutableDictionary<string, JsonElement>.Empty;
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var processName = instance.ProcessId;
        if (await definitions.FindAsync(instance.DefinitionId, ct) is { } definition)
        {
            var models = await catalog.ModelsAsync(definition, ct);
            names = DiagramFacts.ElementNames(models);
            processName = models[0].Processes.FirstOrDefault(p => p.Id == instance.ProcessId)?.Name ?? processName;
        }
        // The process's own steps only: a called process's or sub-process's inner steps are the office's detail, not the applicant's.
        var root = state.Elements.FirstOrDefault(e => e.Parent == 0);
        var steps = instance.HasEnded || root is null ? [] : state.Elements.Where(e => e.Parent == root.Id).Select(e => names.GetValueOrDefault(e.ElementId) ?? e.ElementId).Distinct().ToList();
        var asked = instance.HasEnded ? [] : state.Subscriptions
            .Where(s => s.Kind == SubscriptionKind.Message && options.ApplicantMessages.Contains(s.Name, StringComparer.Ordinal))
            .Select(s => new WaitingMessage(s.ElementId, s.Name, s.CorrelationKey)).ToList();
        return new PortalCase(instance, processName, CaseFacts.From(variables), steps, asked);
    }

    /// <summary>The start event's form of a process (what the applicant fills in), or null.</summary>
    public async Task<(ProcessDefinition? Process, string? FormKey)> StartFormAsync(string processId, CancellationToken ct = default)
    {
        var definition = await definitions.FindLatestAsync(processId, ct);
        if (definition is null)
            return (null, null);
        var process = (await catalog.ModelsAsync(definition, ct))[0].Processes.FirstOrDefault(p => p.Id == processId);
        var start = process?.Scope.Nodes.OfType<StartEvent>().FirstOrDefault(s => s.EventDefinitions.IsEmpty);
        return (process, start?.FormKey);
    }
}
