using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Checklists;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.review-checklist-items: the checklist review just submitted (<c>item01</c> … <c>item16</c> with their reasons,
/// and <c>decision</c>; see <see cref="ChecklistReview"/>) turned into what the letters list. Outputs
/// <c>checklistReview</c> (every judged item: <c>{requirementId, judgement, reason}</c>), <c>failedItems</c> (those that
/// do not conform: the refusal notice's reasons), <c>questionedItems</c> (those questioned: the correction request
/// sent to the applicant) and <c>questionDueOn</c> (the answer's due date, the correction deadline through the
/// business calendar). A review that breaks the rules (an item without its reason, a grant over a failed item) stops here.
/// </summary>
public sealed class ReviewChecklistItems(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.review-checklist-items";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var errors = ChecklistReview.Validate(inputs.OptionalString("level"), inputs.Find);
        if (errors.Count > 0)
            throw new ActivityInputException($"{Name} at {context.ElementId}: {string.Join("; ", errors.Values.SelectMany(m => m))}");
        var items = ChecklistReview.Read(inputs.Find);
        static object Entry(JudgedItem i) => new Dictionary<string, string?>
        {
            ["requirementId"] = i.RequirementId,
            ["judgement"] = ChecklistReview.Wire(i.Judgement),
            ["reason"] = i.Reason,
        };
        var days = Scheme.Options.DeadlineDays("correction") ?? throw new ActivityInputException($"{Name}: no correction deadline is set");
        return new ActivityOutputs()
            .Set("checklistReview", items.Select(Entry).ToList())
            .Set("failedItems", items.Where(i => i.Judgement == ItemJudgement.DoesNotConform).Select(Entry).ToList())
            .Set("questionedItems", items.Where(i => i.Judgement == ItemJudgement.Question).Select(Entry).ToList())
            .Date("questionDueOn", Scheme.Deadline(today, days));
    }
}
