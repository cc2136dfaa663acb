using System.Collections.Immutable;

namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>An XML element exactly as read: name, prefix, namespace declarations, attributes (known or not) and children in order.</summary>
public sealed record DocumentElement : DocumentNode
{
    public required string NamespaceUri { get; init; }
    public required string LocalName { get; init; }
    public string Prefix { get; init; } = "";
    public ImmutableArray<NamespaceDeclaration> NamespaceDeclarations { get; init; } = [];
    public ImmutableArray<DocumentAttribute> Attributes { get; init; } = [];
    public ImmutableArray<DocumentNode> Children { get; init; } = [];

    public string QualifiedName => Prefix.Length == 0 ? LocalName : Prefix + ":" + LocalName;

    /// <summary>The value of an attribute, unqualified unless <paramref name="namespaceUri"/> is given.</summary>
    public string? Attribute(string localName, string namespaceUri = "")
    {
        foreach (var attribute in Attributes)
        {
            if (attribute.LocalName == localName && attribute.NamespaceUri == namespaceUri)
                return attribute.Value;
        }
        return null;
    }

    public string? Id => Attribute("id");

    public IEnumerable<DocumentElement> Elements() => Children.OfType<DocumentElement>();

    public IEnumerable<DocumentElement> Elements(string namespaceUri, string localName) =>
        Children.OfType<DocumentElement>().Where(e => e.LocalName == localName && e.NamespaceUri == namespaceUri);

    public DocumentElement? Element(string namespaceUri, string localName) => Elements(namespaceUri, localName).FirstOrDefault();

    /// <summary>The concatenated text and CDATA directly inside this element.</summary>
    public string Text => string.Concat(Children.OfType<DocumentText>().Select(t => t.Text));
}
