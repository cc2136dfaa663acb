using Microsoft.Extensions.Configuration;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// The settings the server reads, in the same order: appsettings.json beside the program, then environment
/// variables (<c>Database__Provider</c>, as ASP.NET Core reads them, or <c>JCSTAR_DATABASE__PROVIDER</c>).
/// </summary>
public static class CliConfiguration
{
    public const string EnvironmentPrefix = "JCSTAR_";

    public static IConfiguration Load() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
}
