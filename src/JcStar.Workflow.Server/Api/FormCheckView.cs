namespace JcStar.Workflow.Server.Api;

/// <summary>The fields the server would enforce from a form (by key), when it reads.</summary>
public sealed record FormCheckView(string FormKey, IReadOnlyList<string> Fields);
