using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Persistence.PostgreSql;
using JcStar.Workflow.Persistence.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// The staff of the workspace benchmark (tests/bench/web.sh): USERS label-issuing staff users (bench01, bench02, …)
/// and a personal access token for each, through <see cref="AccessAdministration"/> as <c>jcstar users add</c> and
/// <c>jcstar tokens create</c> do, in one process instead of forty. The database must be migrated (the server has
/// run once). Writes the tokens to TOKENS-FILE, one a line, and registers the applicant company the benchmark's
/// cases are filed for, printing its id alone on the last line.
/// Usage: web-users sqlite|postgres CONNECTION USERS TOKENS-FILE.
/// </summary>
public sealed class WebUsersBenchmark : IBenchmark
{
    public string Name => "web-users";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 4 || args[0] is not ("sqlite" or "postgres") || !int.TryParse(args[2], out var count))
        {
            Console.Error.WriteLine("usage: web-users sqlite|postgres CONNECTION USERS TOKENS-FILE");
            return 2;
        }
        var connection = args[1];
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddWorkflowUserRegister(new ConfigurationBuilder().Build(), o =>
        {
            if (args[0] == "postgres")
                PostgreSqlAccessDatabase.Configure(o, connection);
            else
                SqliteAccessDatabase.Configure(o, connection);
        });
        await using var provider = services.BuildServiceProvider();
        var tokens = new List<string>();
        for (var i = 1; i <= count; i++)
        {
            await using var scope = provider.CreateAsyncScope();
            var administration = scope.ServiceProvider.GetRequiredService<AccessAdministration>();
            var name = $"bench{i:00}";
            await administration.CreateUserAsync(new NewUser(name, SchemeRoles.LabelIssuingStaff, Password: $"Bench-password-2026-{i:00}"));
            tokens.Add((await administration.CreateTokenAsync(name, "web-bench", TimeSpan.FromDays(1))).Secret);
        }
        await File.WriteAllLinesAsync(args[3], tokens);
        await using var last = provider.CreateAsyncScope();
        var company = await last.ServiceProvider.GetRequiredService<AccessAdministration>().CreateOrganizationAsync(
            new NewOrganization("株式会社ベンチマーク", "7000012050002")
            {
                Representative = "代表取締役　山田 太郎",
                PostalCode = "100-0005",
                Address = "東京都千代田区丸の内一丁目1番1号",
                ContactName = "品質保証部　佐藤 花子",
                ContactEmail = "sato@bench.jcstar.invalid",
            });
        Console.WriteLine($"{{\"benchmark\":\"web-users\",\"provider\":\"{args[0]}\",\"users\":{count},\"role\":\"{SchemeRoles.LabelIssuingStaff}\"}}");
        Console.WriteLine(company.Id);
        return 0;
    }
}
