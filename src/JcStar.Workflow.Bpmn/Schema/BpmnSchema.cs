using System.Collections.Frozen;

namespace JcStar.Workflow.Bpmn.Schema;

/// <summary>
/// What the OMG BPMN 2.0 schemas allow where: the reader refuses unknown elements and attributes in
/// the BPMN namespaces (as bpmn-moddle does) while keeping everything in foreign namespaces.
/// </summary>
internal sealed class BpmnSchema
{
    public static BpmnSchema Instance { get; } = new();

    private readonly FrozenDictionary<string, string> _elements;
    private readonly FrozenDictionary<string, SchemaType> _types;

    private BpmnSchema()
    {
        var elements = new Dictionary<string, string>();
        var types = new Dictionary<string, SchemaType>();
        foreach (var raw in BpmnSchemaTable.Text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("E ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                elements[parts[1]] = parts[2];
            }
            else if (line.StartsWith("T ", StringComparison.Ordinal))
            {
                var parts = line[2..].Split('|').Select(p => p.Trim()).ToArray();
                var attributes = parts[1].Split(',', StringSplitOptions.RemoveEmptyEntries).ToFrozenSet();
                var children = parts[2].Split(',', StringSplitOptions.RemoveEmptyEntries)
                    .Select(c => c.Split('='))
                    .ToFrozenDictionary(c => c[0], c => c[1]);
                types[parts[0]] = new SchemaType(parts[0], attributes, children, parts[3].Contains("any"), parts[3].Contains("mixed"));
            }
        }
        _elements = elements.ToFrozenDictionary();
        _types = types.ToFrozenDictionary();
    }

    public static string? Alias(string namespaceUri) => namespaceUri switch
    {
        BpmnNamespaces.Model => "m",
        BpmnNamespaces.BpmnDi => "bd",
        BpmnNamespaces.Dc => "dc",
        BpmnNamespaces.Di => "di",
        _ => null,
    };

    /// <summary>The type of a global element (a possible document root), or null when the schemas do not declare it.</summary>
    public SchemaType? GlobalElementType(string namespaceUri, string localName) =>
        Alias(namespaceUri) is { } alias && _elements.TryGetValue(alias + ":" + localName, out var type) ? Type(type) : null;

    public bool IsGlobalElement(string namespaceUri, string localName) =>
        Alias(namespaceUri) is { } alias && _elements.ContainsKey(alias + ":" + localName);

    public SchemaType? Type(string qualifiedTypeName) => _types.GetValueOrDefault(qualifiedTypeName);

    /// <summary>Resolves an xsi:type such as bpmn:tFormalExpression to a schema type.</summary>
    public SchemaType? TypeByName(string namespaceUri, string localName) =>
        Alias(namespaceUri) is { } alias ? Type(alias + ":" + localName) : null;
}
