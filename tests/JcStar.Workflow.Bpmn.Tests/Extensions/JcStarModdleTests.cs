using System.Text.Json;
using System.Text.RegularExpressions;
using JcStar.Workflow.Bpmn.Extensions;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Extensions;

public sealed class JcStarModdleTests
{
    private static JsonElement Descriptor => JsonDocument.Parse(JcStarModdle.Descriptor).RootElement;

    private static HashSet<string> DeclaredAttributes() =>
        [.. Descriptor.GetProperty("types").EnumerateArray()
            .SelectMany(t => t.GetProperty("properties").EnumerateArray())
            .Where(p => p.TryGetProperty("isAttr", out var a) && a.GetBoolean())
            .Select(p => p.GetProperty("name").GetString()!)];

    [Fact]
    public void The_descriptor_names_our_namespace_and_prefix_with_lower_case_tags()
    {
        Assert.Equal(BpmnNamespaces.JcStar, Descriptor.GetProperty("uri").GetString());
        Assert.Equal("jc", Descriptor.GetProperty("prefix").GetString());
        Assert.Equal("lowerCase", Descriptor.GetProperty("xml").GetProperty("tagAlias").GetString());
    }

    [Fact]
    public void Every_jc_attribute_the_reader_understands_is_declared_in_the_descriptor()
    {
        // The reader's sources are the truth: every Attribute("x", Jc) and every Pick("x") (jc first, then camunda, zeebe).
        var folder = RepositoryPaths.InRepo("src", "JcStar.Workflow.Bpmn", "Reading");
        var read = new HashSet<string>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.cs"))
        {
            var source = File.ReadAllText(file);
            foreach (Match m in Regex.Matches(source, @"Attribute\(""(\w+)"", Jc\)|Pick\(""(\w+)""", RegexOptions.None, TimeSpan.FromSeconds(5)))
                read.Add(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value);
        }
        Assert.True(read.Count >= 15, "the scan found too few attributes: " + string.Join(", ", read));
        var missing = read.Except(DeclaredAttributes()).Order().ToList();
        Assert.True(missing.Count == 0, "read but not declared in jcstar.moddle.json: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_jc_element_the_reader_understands_is_a_declared_type()
    {
        var types = Descriptor.GetProperty("types").EnumerateArray().Select(t => t.GetProperty("name").GetString()!.ToLowerInvariant()).ToHashSet();
        Assert.Superset(new HashSet<string> { "input", "output", "in", "out" }, types);
    }

    [Fact]
    public void Extension_types_extend_or_are_allowed_in_real_BPMN_types()
    {
        foreach (var type in Descriptor.GetProperty("types").EnumerateArray())
        {
            var targets = type.TryGetProperty("extends", out var e) ? e : type.GetProperty("meta").GetProperty("allowedIn");
            Assert.All(targets.EnumerateArray(), t => Assert.StartsWith("bpmn:", t.GetString()));
        }
    }
}
