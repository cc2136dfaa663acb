namespace JcStar.Workflow.Server.Api;

public sealed record CancelRequest(string? Reason);
