using System.CommandLine;
using JcStar.Workflow.Cli;

return await JcStarCommandLine.InvokeAsync(args, Console.In, new InvocationConfiguration());
