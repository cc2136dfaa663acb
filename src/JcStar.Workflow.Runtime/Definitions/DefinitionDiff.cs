using System.Collections.Immutable;
using System.Xml.Linq;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>
/// What a draft changes against the published version, element by element (every element with an id outside the
/// diagram interchange): added, removed, and changed (its name, attributes or the id-less content under it, such as
/// conditions, timers and <c>jc:</c> extensions). Moving shapes on the diagram alone changes nothing here.
/// </summary>
public sealed record DefinitionDiff(ImmutableArray<ElementChange> Added, ImmutableArray<ElementChange> Removed, ImmutableArray<ElementChange> Changed)
{
    private const string DiagramInterchange = "http://www.omg.org/spec/BPMN/20100524/DI";

    public bool IsEmpty => Added.IsEmpty && Removed.IsEmpty && Changed.IsEmpty;

    /// <exception cref="WorkflowInputException">Either file is not well-formed XML (the error names which and where).</exception>
    public static DefinitionDiff Between(string publishedXml, string draftXml)
    {
        var before = Elements(publishedXml, "published");
        var after = Elements(draftXml, "draft");
        var added = after.Keys.Where(id => !before.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => Change(id, after[id], null)).ToImmutableArray();
        var removed = before.Keys.Where(id => !after.ContainsKey(id)).Order(StringComparer.Ordinal).Select(id => Change(id, before[id], null)).ToImmutableArray();
        var changed = before.Keys.Where(after.ContainsKey).Order(StringComparer.Ordinal)
            .Select(id => (id, attributes: ChangedAttributes(before[id], after[id]), content: Content(before[id]) != Content(after[id])))
            .Where(c => c.attributes.Length > 0 || c.content)
            .Select(c => Change(c.id, after[c.id], [.. c.attributes, .. c.content ? new[] { "content" } : []]))
            .ToImmutableArray();
        return new DefinitionDiff(added, removed, changed);
    }

    private static ElementChange Change(string id, XElement element, ImmutableArray<string>? attributes) =>
        new(id, element.Name.LocalName, (string?)element.Attribute("name"), attributes ?? []);

    private static Dictionary<string, XElement> Elements(string xml, string which)
    {
        XDocument document;
        try
        {
            document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        }
        catch (System.Xml.XmlException e)
        {
            throw new WorkflowInputException($"the {which} XML does not read", new Dictionary<string, string[]> { [which] = [$"line {e.LineNumber}: {e.Message}"] });
        }
        var result = new Dictionary<string, XElement>(StringComparer.Ordinal);
        foreach (var element in document.Descendants())
        {
            if (element.Name.NamespaceName == DiagramInterchange || element.Ancestors().Any(a => a.Name.NamespaceName == DiagramInterchange))
                continue;
            if ((string?)element.Attribute("id") is { Length: > 0 } id)
                result.TryAdd(id, element);
        }
        return result;
    }

    private static ImmutableArray<string> ChangedAttributes(XElement before, XElement after)
    {
        var names = before.Attributes().Concat(after.Attributes()).Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name).Distinct();
        return [.. names.Where(n => (string?)before.Attribute(n) != (string?)after.Attribute(n))
            .Select(n => n.NamespaceName.Length == 0 ? n.LocalName : $"{PrefixOf(after, n)}{n.LocalName}").Order(StringComparer.Ordinal)];
    }

    private static string PrefixOf(XElement element, XName name) =>
        element.GetPrefixOfNamespace(name.Namespace) is { Length: > 0 } prefix ? prefix + ":" : "";

    /// <summary>The element's id-less children, canonical (whitespace trimmed); children with their own id are compared on their own.</summary>
    private static string Content(XElement element) =>
        string.Join("|", element.Nodes().Select(n => n switch
        {
            XElement child when child.Attribute("id") is not null => "#" + (string?)child.Attribute("id"),
            XElement child => $"<{child.Name}{string.Concat(child.Attributes().Where(a => !a.IsNamespaceDeclaration).OrderBy(a => a.Name.ToString(), StringComparer.Ordinal).Select(a => $" {a.Name}={a.Value}"))}>{Content(child)}",
            XText text => text.Value.Trim(),
            _ => "",
        }));
}
