namespace JcStar.Workflow.Runtime.Definitions;

/// <param name="IsNewVersion">False when the same content was already the latest version, so nothing was stored.</param>
public sealed record DeployedProcess(DeployedDefinition Definition, bool IsNewVersion);
