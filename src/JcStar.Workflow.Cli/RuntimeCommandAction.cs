using System.CommandLine;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Cli.Migration;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Access;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Hosting;
using JcStar.Workflow.Runtime.Timers;
using JcStar.Workflow.Scheme.Persistence.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace JcStar.Workflow.Cli;

/// <summary>
/// The action of a command that works on the runtime at the database (<c>jcstar adhoc</c>, <c>jcstar conditions</c>):
/// the database chosen and migrated as the other commands do, the runtime wired as the server wires it, the caller
/// <c>--as USER</c> of the register or the operator ("jcstar-cli", an administrator), and the runtime's refusals
/// printed under the command's name: refusals exit 1, bad usage 2.
/// </summary>
internal static class RuntimeCommandAction
{
    private static readonly WorkflowActor Operator = new("jcstar-cli", [], IsAdmin: true);

    public static void Set(Command command, string name, DatabaseSelection database, Option<string?> asUser,
        Func<ParseResult, IServiceProvider, WorkflowActor, TextWriter, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            try
            {
                var configuration = CliConfiguration.Load();
                var resolved = CliDatabase.Resolve(configuration, parse.GetValue(database.Provider), parse.GetValue(database.Connection));
                if (resolved.MigrateAtStart)
                {
                    await using var schema = await RegisterSession.OpenAsync(configuration, resolved, ct);
                }
                await using var services = Services(configuration, resolved);
                var actor = Operator;
                if (parse.GetValue(asUser) is { } userName)
                {
                    actor = await services.GetRequiredService<IActorDirectory>().FindAsync(userName, ct)
                        ?? throw RegisterCommandAction.Field("--as", $"no active user '{userName}'");
                }
                return await body(parse, services, actor, parse.InvocationConfiguration.Output, ct);
            }
            catch (WorkflowInputException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var message in messages)
                        error.WriteLine($"{name}: {field}: {message}");
                return RegisterCommandAction.Refused;
            }
            catch (Exception e) when (e is WorkflowNotFoundException or WorkflowForbiddenException or WorkflowConflictException)
            {
                error.WriteLine($"{name}: {e.Message}");
                return RegisterCommandAction.Refused;
            }
            catch (CliUsageException e)
            {
                error.WriteLine($"{name}: {e.Message}");
                return RegisterCommandAction.BadUsage;
            }
        });

    /// <summary>The runtime on the database as the server wires it (stores, scheme conflicts, user register); wake-ups are left to the server's sweep.</summary>
    internal static ServiceProvider Services(IConfiguration configuration, CliDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(configuration);
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<SweptWakeUps>();
        services.AddSingleton<ITimerScheduler>(sp => sp.GetRequiredService<SweptWakeUps>());
        services.AddSingleton<IJobDispatcher>(sp => sp.GetRequiredService<SweptWakeUps>());
        services.AddWorkflowEfStores(database.ConfigureWorkflow).AddSchemeEfStores();
        services.AddWorkflowUserRegister(configuration, database.ConfigureAccess);
        services.AddSingleton(CliEngineOptions.From(configuration));
        services.AddWorkflowRuntime();
        return services.BuildServiceProvider();
    }
}
