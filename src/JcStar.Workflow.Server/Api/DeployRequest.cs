namespace JcStar.Workflow.Server.Api;

public sealed record DeployRequest(string? FileName, string? Xml);
