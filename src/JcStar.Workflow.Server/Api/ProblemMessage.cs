namespace JcStar.Workflow.Server.Api;

/// <summary>Why a request was refused, in one sentence.</summary>
public sealed record ProblemMessage(string Error);
