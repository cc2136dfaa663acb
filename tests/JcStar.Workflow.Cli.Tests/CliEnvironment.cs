namespace JcStar.Workflow.Cli.Tests;

/// <summary>
/// Tests that set JCSTAR_* environment variables (as an operator configures the CLI) share one process environment:
/// they run one at a time, never beside each other.
/// </summary>
[CollectionDefinition(Collection, DisableParallelization = true)]
public sealed class CliEnvironment
{
    public const string Collection = "JCSTAR_ environment variables";
}
