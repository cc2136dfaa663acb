namespace JcStar.Workflow.Server.Api;

public sealed record ReassignRequest(string? Assignee);
