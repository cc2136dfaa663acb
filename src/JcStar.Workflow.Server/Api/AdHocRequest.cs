namespace JcStar.Workflow.Server.Api;

/// <summary>Start <see cref="ElementId"/> in the case's open ad-hoc sub-process (<see cref="AdHocId"/> only when several offer it).</summary>
public sealed record AdHocRequest(string? ElementId, string? AdHocId);
