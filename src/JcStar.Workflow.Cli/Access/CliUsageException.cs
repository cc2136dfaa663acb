namespace JcStar.Workflow.Cli.Access;

/// <summary>The command line asks for something it cannot mean: printed with the usage and exit code 2.</summary>
public sealed class CliUsageException(string message) : Exception(message);
