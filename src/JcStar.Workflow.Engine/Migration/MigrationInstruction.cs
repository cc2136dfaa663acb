namespace JcStar.Workflow.Engine;

/// <summary>
/// Element <see cref="SourceElementId"/> of process <see cref="ProcessId"/> (the migrated process, or one its call
/// activities call) becomes element <see cref="TargetElementId"/> of the same process in the target definitions.
/// </summary>
public sealed record MigrationInstruction(string ProcessId, string SourceElementId, string TargetElementId);
