namespace JcStar.Workflow.Runtime.Migrations;

/// <summary>A waiting case of the version being migrated and the elements of its process where it is active now.</summary>
public sealed record WaitingCase(string InstanceId, string? BusinessKey, IReadOnlyList<string> ElementIds);
