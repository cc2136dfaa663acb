using System.CommandLine;
using Xunit;

namespace JcStar.Workflow.Cli.Tests.Access;

public sealed class DbScriptTests
{
    private static async Task<(int Exit, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await JcStarCommandLine.InvokeAsync(args, TextReader.Null, new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("SqlServer")]
    public async Task Db_script_prints_the_workflow_tables_and_the_user_register_as_idempotent_sql(string provider)
    {
        var (exit, output, _) = await Run("db", "script", "--provider", provider);

        Assert.Equal(0, exit);
        Assert.Contains("__EFMigrationsHistory", output);
        Assert.Contains("__AccessMigrationsHistory", output);
        Assert.Contains("access_tokens", output);
        Assert.Contains("organizations", output);
        Assert.Contains("AspNetUsers", output);
    }

    [Fact]
    public async Task Db_script_for_sqlite_says_why_there_is_none_instead_of_crashing()
    {
        var (exit, _, error) = await Run("db", "script", "--provider", "Sqlite");

        Assert.Equal(2, exit);
        Assert.Contains("SQLite has no idempotent script", error);
    }
}
