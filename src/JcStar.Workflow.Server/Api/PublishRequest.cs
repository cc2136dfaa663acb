namespace JcStar.Workflow.Server.Api;

/// <summary>A draft to publish as the procedure's next version, with what the publisher says about it.</summary>
public sealed record PublishRequest(string? Xml, string? Note);
