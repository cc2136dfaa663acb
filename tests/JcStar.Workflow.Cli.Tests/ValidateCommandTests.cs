using System.CommandLine;
using Microsoft.Extensions.Configuration;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string Fixtures = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Cli.Tests", "Fixtures", "validate");

    private static (int Exit, string[] Lines, string Error) Run(params string[] args) => RunWith(null, args);

    private static (int Exit, string[] Lines, string Error) RunWith(Dictionary<string, string?>? settings, params string[] args)
    {
        // The CLI's own settings (appsettings.json, JCSTAR_ variables) unless the test gives its own.
        var root = new RootCommand { settings is null ? ValidateCommand.Create() : ValidateCommand.Create(() => new ConfigurationBuilder().AddInMemoryCollection(settings).Build()) };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["validate", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return (exit, lines, error.ToString());
    }

    private static string Fixture(string name) => Path.Combine(Fixtures, name);

    [Fact]
    public void The_fixture_folder_is_present()
    {
        Assert.True(File.Exists(Fixture("valid.bpmn")), Fixtures);
    }

    [Fact]
    public void A_valid_file_prints_nothing_and_exits_0()
    {
        var (exit, lines, _) = Run(Fixture("valid.bpmn"));
        Assert.Empty(lines);
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Each_problem_is_one_line_with_file_line_element_and_message_and_the_exit_code_is_1()
    {
        var file = Fixture(Path.Combine("nested", "broken.bpmn"));
        var (exit, lines, _) = Run(file);
        Assert.Equal(1, exit);
        Assert.Contains($"{file}:5: f1: targetRef=\"ghost\" names no element in this file", lines);
        Assert.Contains(lines, l => l.StartsWith($"{file}:6: wait: timeDuration does not parse: 'five days' is not an ISO 8601 duration", StringComparison.Ordinal));
        Assert.Contains($"{file}:6: wait: intermediateCatchEvent 'wait' cannot be reached from any start event, event sub-process or boundary event", lines);
    }

    [Fact]
    public void Conditions_are_parsed_by_the_engine_expression_syntax()
    {
        var file = Fixture("bad-condition.bpmn");
        var (exit, lines, _) = Run(file);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.StartsWith($"{file}:5: f1: condition does not parse: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Warnings_are_prefixed_and_do_not_fail_the_run()
    {
        var file = Fixture("warning-only.bpmn");
        var (exit, lines, _) = Run(file);
        Assert.Equal(0, exit);
        var line = Assert.Single(lines);
        Assert.Equal($"warning: {file}:6: call: calledElement=\"elsewhere\" is not a process in this file; it must be deployed from another file", line);
    }

    [Fact]
    public void A_folder_is_searched_recursively_for_bpmn_files()
    {
        var (exit, lines, _) = Run(Fixtures);
        Assert.Equal(1, exit);
        Assert.Contains(lines, l => l.Contains(Path.Combine("nested", "broken.bpmn") + ":5: f1:", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("bad-condition.bpmn:5: f1:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("valid.bpmn:", StringComparison.Ordinal) && !l.Contains("bad-condition", StringComparison.Ordinal) && !l.Contains("warning", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_paths_are_all_checked()
    {
        var (exit, lines, _) = Run(Fixture("valid.bpmn"), Fixture("bad-condition.bpmn"));
        Assert.Equal(1, exit);
        Assert.Single(lines);
    }

    [Fact]
    public void No_path_is_bad_usage_with_exit_code_2()
    {
        var (exit, lines, error) = Run();
        Assert.Equal(2, exit);
        Assert.Empty(lines);
        Assert.Contains("give at least one BPMN file or folder", error);
    }

    [Fact]
    public void A_path_that_does_not_exist_is_bad_usage_with_exit_code_2()
    {
        var (exit, _, error) = Run(Fixture("no-such-file.bpmn"));
        Assert.Equal(2, exit);
        Assert.Contains("no such file or folder", error);
    }

    [Fact]
    public void A_file_that_is_not_XML_is_an_error_line_not_a_crash()
    {
        var path = Path.Combine(Path.GetTempPath(), $"jcstar-validate-{Guid.NewGuid():N}.bpmn");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0xFF]);
        try
        {
            var (exit, lines, _) = Run(path);
            Assert.Equal(1, exit);
            Assert.StartsWith($"{path}:1: -: ", Assert.Single(lines));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_timer_cycle_under_the_minimum_from_the_engine_settings_is_an_error_and_a_lower_setting_accepts_it()
    {
        var strict = RunWith([], Fixture("cycle-30s.bpmn"));
        Assert.Equal(1, strict.Exit);
        var line = Assert.Single(strict.Lines);
        Assert.Contains("remind", line);
        Assert.Contains("Engine:MinimumTimerCycle", line);

        var lenient = RunWith(new() { ["Engine:MinimumTimerCycle"] = "00:00:10" }, Fixture("cycle-30s.bpmn"));
        Assert.Equal((0, 0), (lenient.Exit, lenient.Lines.Length));
    }
}
