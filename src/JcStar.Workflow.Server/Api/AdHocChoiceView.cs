using JcStar.Workflow.Engine;

namespace JcStar.Workflow.Server.Api;

/// <summary>
/// An open ad-hoc sub-process of a case: <see cref="AdHocId"/> names this instance of it (send it back when several
/// are open), <see cref="Activities"/> what may be started in it now (empty while a sequential one runs an activity).
/// </summary>
public sealed record AdHocChoiceView(string AdHocId, string ElementId, string? Name, IReadOnlyList<AdHocActivityView> Activities)
{
    public static AdHocChoiceView From(AdHocChoice c) =>
        new(c.AdHocId, c.ElementId, c.Name, [.. c.Activities.Select(a => new AdHocActivityView(a, c.ActivityNames.GetValueOrDefault(a)))]);
}
