using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Bpmn.Tests;

/// <summary>The third-party BPMN corpora under tests/corpora (each with its licence and origin).</summary>
internal static class Corpus
{
    public static string Miwg => CorpusFolder.Require("miwg-reference");
    public static string Moddle => CorpusFolder.Require("bpmn-moddle-fixtures");

    public static IEnumerable<string> MiwgFiles() =>
        Directory.EnumerateFiles(Miwg, "*.bpmn").Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal)!;

    /// <summary>Every moddle fixture outside error/, relative to the fixtures folder.</summary>
    public static IEnumerable<string> ModdleValidFiles() =>
        Directory.EnumerateFiles(Moddle, "*.bpmn", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Moddle, f))
            .Where(f => !f.StartsWith("error" + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static IEnumerable<string> ModdleErrorFiles() =>
        Directory.EnumerateFiles(Path.Combine(Moddle, "error"))
            .Select(f => Path.GetRelativePath(Moddle, f))
            .OrderBy(f => f, StringComparer.Ordinal);

    public static BpmnReadResult Read(string folder, string relative)
    {
        using var stream = File.OpenRead(Path.Combine(folder, relative));
        return BpmnReader.Read(stream, relative);
    }
}
