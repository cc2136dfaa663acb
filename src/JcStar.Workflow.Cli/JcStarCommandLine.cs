using System.CommandLine;

namespace JcStar.Workflow.Cli;

/// <summary>The <c>jcstar</c> command tree, and its one rule for bad usage: the parser's complaint on stderr, exit code 2.</summary>
internal static class JcStarCommandLine
{
    public const int BadUsage = 2;

    public static RootCommand Create(TextReader input)
    {
        var root = new RootCommand("jcstar: validate, simulate and render JC-STAR workflows and documents; manage the workflow database, users, organizations, tokens and conflicts of interest; export a case's records and the scheme's registers; choose ad-hoc activities");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SimulateCommand.Create());
        root.Subcommands.Add(RenderCommand.Create());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(RetentionCommand.Create());
        root.Subcommands.Add(OrgsCommand.Create());
        root.Subcommands.Add(UsersCommand.Create(input));
        root.Subcommands.Add(TokensCommand.Create());
        root.Subcommands.Add(ConflictsCommand.Create());
        root.Subcommands.Add(CasesCommand.Create());
        root.Subcommands.Add(RegistersCommand.Create());
        root.Subcommands.Add(DefinitionsCommand.Create());
        root.Subcommands.Add(MigrateCommand.Create());
        root.Subcommands.Add(AdHocCommand.Create());
        root.Subcommands.Add(ConditionsCommand.Create());
        return root;
    }

    public static async Task<int> InvokeAsync(string[] args, TextReader input, InvocationConfiguration configuration, CancellationToken ct = default)
    {
        var parse = Create(input).Parse(args);
        // The render command reads its own errors (it accepts tokens the parser does not know).
        if (parse.Errors.Count > 0 && parse.CommandResult.Command.Name != "render")
        {
            foreach (var error in parse.Errors)
                configuration.Error.WriteLine($"jcstar: {error.Message}");
            configuration.Error.WriteLine($"see: jcstar {string.Join(' ', CommandNames(parse))} --help");
            return BadUsage;
        }
        return await parse.InvokeAsync(configuration, ct);
    }

    private static IEnumerable<string> CommandNames(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null && result.Command is not RootCommand; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command.Name);
        return names;
    }
}
