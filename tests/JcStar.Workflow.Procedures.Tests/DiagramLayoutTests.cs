using System.Xml.Linq;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>
/// The diagrams people read on the case page and in the modeler: no two shapes lie on each other (a shape inside
/// its sub-process and a boundary event on its host are meant to), and no flow runs through a shape it does not
/// connect. Read from the DI of every workflow in workflows/.
/// </summary>
public sealed class DiagramLayoutTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace BpmnDi = "http://www.omg.org/spec/BPMN/20100524/DI";
    private static readonly XNamespace Dc = "http://www.omg.org/spec/DD/20100524/DC";
    private static readonly XNamespace Di = "http://www.omg.org/spec/DD/20100524/DI";

    public static TheoryData<string> Workflows() =>
        [.. Directory.EnumerateFiles(RepositoryPaths.InRepo("workflows"), "*.bpmn").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)];

    private sealed record Box(string Element, double X, double Y, double W, double H)
    {
        public bool Overlaps(Box o) => X < o.X + o.W && o.X < X + W && Y < o.Y + o.H && o.Y < Y + H;
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void No_two_shapes_of_the_diagram_overlap(string workflow)
    {
        var (document, shapes) = Read(workflow);
        var problems = new List<string>();
        for (var i = 0; i < shapes.Count; i++)
        {
            for (var j = i + 1; j < shapes.Count; j++)
            {
                var (a, b) = (shapes[i], shapes[j]);
                if (a.Overlaps(b) && !MayOverlap(document, a.Element, b.Element))
                    problems.Add($"{a.Element} ({a.X},{a.Y} {a.W}×{a.H}) overlaps {b.Element} ({b.X},{b.Y} {b.W}×{b.H})");
            }
        }
        Assert.True(problems.Count == 0, $"{workflow}:\n" + string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Workflows))]
    public void No_sequence_flow_runs_through_a_shape_it_does_not_connect(string workflow)
    {
        var (document, shapes) = Read(workflow);
        var byId = ElementsById(document);
        var problems = new List<string>();
        foreach (var edge in document.Descendants(BpmnDi + "BPMNEdge"))
        {
            var flowId = (string)edge.Attribute("bpmnElement")!;
            if (!byId.TryGetValue(flowId, out var flow) || flow.Name != Bpmn + "sequenceFlow")
                continue;
            string[] ends = [(string)flow.Attribute("sourceRef")!, (string)flow.Attribute("targetRef")!];
            var points = edge.Elements(Di + "waypoint").Select(w => ((double)w.Attribute("x")!, (double)w.Attribute("y")!)).ToList();
            for (var k = 0; k + 1 < points.Count; k++)
            {
                var ((x1, y1), (x2, y2)) = (points[k], points[k + 1]);
                foreach (var shape in shapes)
                {
                    if (ends.Contains(shape.Element) || ends.Any(e => Contains(byId, shape.Element, e) || AttachedTo(byId, shape.Element) == e))
                        continue;
                    // The segment's extent against the shape shrunk by a pixel: touching an edge is not running through.
                    if (Math.Max(x1, x2) > shape.X + 1 && Math.Min(x1, x2) < shape.X + shape.W - 1 && Math.Max(y1, y2) > shape.Y + 1 && Math.Min(y1, y2) < shape.Y + shape.H - 1)
                        problems.Add($"{flowId} ({x1},{y1})→({x2},{y2}) runs through {shape.Element}");
                }
            }
        }
        Assert.True(problems.Count == 0, $"{workflow}:\n" + string.Join("\n", problems));
    }

    private static (XDocument Document, List<Box> Shapes) Read(string workflow)
    {
        var document = XDocument.Load(RepositoryPaths.InRepo("workflows", workflow), LoadOptions.SetLineInfo);
        var shapes = document.Descendants(BpmnDi + "BPMNShape").Select(s =>
        {
            var b = s.Element(Dc + "Bounds")!;
            return new Box((string)s.Attribute("bpmnElement")!, (double)b.Attribute("x")!, (double)b.Attribute("y")!, (double)b.Attribute("width")!, (double)b.Attribute("height")!);
        }).ToList();
        Assert.NotEmpty(shapes);
        return (document, shapes);
    }

    private static Dictionary<string, XElement> ElementsById(XDocument document) =>
        document.Descendants().Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null)
            .GroupBy(e => (string)e.Attribute("id")!).ToDictionary(g => g.Key, g => g.First());

    private static bool MayOverlap(XDocument document, string a, string b)
    {
        var byId = ElementsById(document);
        if (!byId.ContainsKey(a) || !byId.ContainsKey(b))
            return false;
        var kinds = new[] { byId[a].Name.LocalName, byId[b].Name.LocalName };
        // Pools and lanes hold the shapes drawn on them.
        if (kinds.Any(k => k is "participant" or "lane"))
            return true;
        return Contains(byId, a, b) || Contains(byId, b, a) || AttachedTo(byId, a) == b || AttachedTo(byId, b) == a;
    }

    /// <summary>Whether <paramref name="container"/> (a sub-process) holds <paramref name="inner"/> at any depth.</summary>
    private static bool Contains(Dictionary<string, XElement> byId, string container, string inner) =>
        byId.TryGetValue(inner, out var element) && element.Ancestors().Any(p => (string?)p.Attribute("id") == container);

    private static string? AttachedTo(Dictionary<string, XElement> byId, string element) =>
        byId.TryGetValue(element, out var e) ? (string?)e.Attribute("attachedToRef") : null;
}
