namespace JcStar.Workflow.Server.Api;

/// <summary>An activity that may be chosen in an ad-hoc sub-process: its element id and its name in the diagram.</summary>
public sealed record AdHocActivityView(string ElementId, string? Name);
