using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace JcStar.Workflow.Architecture.Tests;

/// <summary>Bpmn and Engine stay pure: no I/O library, no clock, no randomness.</summary>
public sealed partial class DependencyTests
{
    private static readonly string[] AllowedPrefixes = ["System", "netstandard", "mscorlib", "Jint", "Acornima", "JcStar.Workflow.Bpmn"];

    private static readonly string[] BannedNamespacePrefixes =
        ["System.IO.File", "System.IO.Directory", "System.Net", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Hangfire", "MailKit"];

    public static TheoryData<string> PureAssemblies => ["JcStar.Workflow.Bpmn", "JcStar.Workflow.Engine"];

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void A_pure_assembly_references_only_the_allow_list(string name)
    {
        var assembly = Assembly.Load(name);
        var outside = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => !AllowedPrefixes.Any(p => n == p || n.StartsWith(p + ".", StringComparison.Ordinal)))
            .Where(n => n != "JcStar.Workflow.Engine" || name == "JcStar.Workflow.Engine")
            .ToList();

        Assert.Empty(outside);
    }

    [Fact]
    public void The_engine_does_not_reference_a_host_or_adapter_assembly()
    {
        var references = Assembly.Load("JcStar.Workflow.Engine").GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, r => BannedNamespacePrefixes.Any(b => r.StartsWith(b, StringComparison.Ordinal)));
        Assert.DoesNotContain(references, r => r.StartsWith("JcStar.Workflow.", StringComparison.Ordinal) && r != "JcStar.Workflow.Bpmn");
    }

    [Theory]
    [MemberData(nameof(PureAssemblies))]
    public void A_pure_assembly_reads_no_clock_and_draws_no_random_numbers(string project)
    {
        var folder = Path.Combine(RepositoryRoot(), "src", project);
        var offenders = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .SelectMany(f => File.ReadLines(f).Select((line, i) => (File: f, Line: i + 1, Text: line)))
            .Where(l => !l.Text.TrimStart().StartsWith("//", StringComparison.Ordinal) && Banned().IsMatch(l.Text))
            .Select(l => $"{Path.GetRelativePath(folder, l.File)}:{l.Line}: {l.Text.Trim()}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void The_source_scan_would_notice_a_banned_call()
    {
        Assert.Matches(Banned(), "var t = DateTimeOffset.UtcNow;");
        Assert.Matches(Banned(), "File.ReadAllText(path)");
        Assert.Matches(Banned(), "new Random()");
        Assert.DoesNotMatch(Banned(), "var due = now.AddDays(1);");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\.(Now|UtcNow|Today)\b|\bGuid\.NewGuid\b|\bSystem\.IO\.(File|Directory)\b|(?<![\w.])(File|Directory)\.\w+\(|\bHttpClient\b|\bnew Random\b|\bRandom\.Shared\b|\bEnvironment\.TickCount|\bStopwatch\b")]
    private static partial Regex Banned();

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JcStar.Workflow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("JcStar.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
