using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Model;

namespace JcStar.Workflow.Bpmn.Validation;

/// <summary>Ad-hoc sub-processes: activities chosen by people, no start or end events (BPMN 2.0.2 §10.3.5).</summary>
internal sealed partial class ExecutionRules
{
    private void CheckAdHoc(SubProcess adHoc)
    {
        foreach (var e in adHoc.Scope.Nodes.Where(n => n is StartEvent or EndEvent))
            Add(e, DiagnosticCodes.AdHoc, $"{e.ElementType} '{e.Id}' is inside ad-hoc sub-process '{adHoc.Id}', which may hold no start or end events: its activities are chosen, and it completes by its completionCondition");
        if (!adHoc.Scope.Nodes.Any(n => n is Activity { IsForCompensation: false } and not SubProcess { TriggeredByEvent: true }))
            Add(adHoc, DiagnosticCodes.AdHoc, $"ad-hoc sub-process '{adHoc.Id}' holds no activity to choose");
        if (adHoc.AdHoc!.CompletionCondition is { } condition)
            CheckExpression(adHoc, condition, ExpressionUse.Condition, "completionCondition");
    }
}
