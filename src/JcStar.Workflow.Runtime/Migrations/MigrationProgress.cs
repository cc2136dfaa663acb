namespace JcStar.Workflow.Runtime.Migrations;

/// <summary>Reported after each batch: how many of the selected cases are done so far.</summary>
public sealed record MigrationProgress(int Done, int Total, int Failed);
