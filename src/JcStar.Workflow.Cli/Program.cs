using System.CommandLine;
using JcStar.Workflow.Cli;

var root = new RootCommand("jcstar: validate, simulate and render JC-STAR workflows and documents");
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(SimulateCommand.Create());
root.Subcommands.Add(RenderCommand.Create());
root.Subcommands.Add(DbCommand.Create());
return await root.Parse(args).InvokeAsync();
