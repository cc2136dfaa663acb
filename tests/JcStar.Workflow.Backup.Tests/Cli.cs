extern alias cli;
using System.CommandLine;
using Xunit;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>Runs `jcstar db …` in-process with captured output, as a person would at the shell.</summary>
public static class Cli
{
    public static async Task<(int Exit, string Out, string Err)> Db(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { cli::JcStar.Workflow.Cli.DbCommand.Create() };
        var exit = await root.Parse(["db", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }
}
