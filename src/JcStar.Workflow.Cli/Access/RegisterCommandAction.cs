using System.CommandLine;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// Runs one command of <c>orgs</c>, <c>users</c>, <c>tokens</c> or <c>conflicts</c> on a <see cref="RegisterSession"/>:
/// a refusal prints each field and its message to stderr and exits 1; bad usage exits 2.
/// </summary>
public static class RegisterCommandAction
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int BadUsage = 2;

    public static void Set(Command command, DatabaseSelection database, Func<ParseResult, RegisterSession, TextWriter, CancellationToken, Task<int>> body) =>
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var name = CommandPath(parse);
            try
            {
                var configuration = CliConfiguration.Load();
                var resolved = CliDatabase.Resolve(configuration, parse.GetValue(database.Provider), parse.GetValue(database.Connection));
                await using var session = await RegisterSession.OpenAsync(configuration, resolved, ct);
                return await body(parse, session, parse.InvocationConfiguration.Output, ct);
            }
            catch (WorkflowInputException e)
            {
                foreach (var (field, messages) in e.Errors)
                    foreach (var message in messages)
                        error.WriteLine($"{name}: {field}: {message}");
                return Refused;
            }
            catch (WorkflowNotFoundException e)
            {
                error.WriteLine($"{name}: {e.Message}");
                return Refused;
            }
            catch (CliUsageException e)
            {
                error.WriteLine($"{name}: {e.Message}");
                return BadUsage;
            }
        });

    /// <summary>A refusal of one field, as the user register words its own.</summary>
    public static WorkflowInputException Field(string field, string message) =>
        new(message, new Dictionary<string, string[]> { [field] = [message] });

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "jcstar" : result.Command.Name);
        return string.Join(' ', names);
    }
}
