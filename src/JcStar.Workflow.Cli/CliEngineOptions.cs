using JcStar.Workflow.Engine;
using Microsoft.Extensions.Configuration;

namespace JcStar.Workflow.Cli;

/// <summary>The engine's limits from the "Engine" settings section, as the server reads them, so a command runs and validates as the server would.</summary>
internal static class CliEngineOptions
{
    public const string Section = "Engine";

    public static EngineOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<EngineOptions>() ?? EngineOptions.Default;
}
