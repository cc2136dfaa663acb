using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Schema;
using JcStar.Workflow.Bpmn.Tree;

namespace JcStar.Workflow.Bpmn.Reading;

/// <summary>
/// Checks the tree against the OMG schemas with bpmn-moddle's rules: in the BPMN, DI, DC and DD
/// namespaces unknown elements, misplaced elements, unknown unqualified attributes, undeclared
/// prefixes and duplicate ids are errors; elements and attributes in any other namespace are kept
/// untouched (they are extensions), and elements in no namespace are errors outside extensions.
/// </summary>
internal sealed class SchemaCheck(string sourceName, List<BpmnDiagnostic> diagnostics)
{
    // Attributes whose value is an id reference, possibly prefixed (xsd:QName in the schemas).
    private static readonly HashSet<string> QNameAttributes =
    [
        "definition", "bpmnElement", "sourceElement", "targetElement", "labelStyle", "messageRef",
        "signalRef", "errorRef", "escalationRef", "processRef", "attachedToRef", "calledElement",
        "categoryValueRef", "choreographyActivityShape",
    ];

    private readonly Dictionary<string, DocumentElement> _ids = new(StringComparer.Ordinal);
    private readonly List<(DocumentElement Element, string Attribute, string Value, string? NearestId)> _diReferences = [];

    private bool _isFragment;
    private DocumentElement? _root;

    public IReadOnlyDictionary<string, DocumentElement> Ids => _ids;

    public void Check(BpmnDocument document)
    {
        var root = document.Root;
        _root = root;
        var rootType = BpmnSchema.Instance.GlobalElementType(root.NamespaceUri, root.LocalName);
        var scope = new Dictionary<string, string> { ["xml"] = BpmnNamespaces.Xml };
        if (rootType is null && root.LocalName != "definitions" && BpmnNamespaces.IsKnownExtension(root.NamespaceUri))
        {
            // A fragment of an extension vocabulary (e.g. a camunda:inputOutput cut out of a model): kept, nothing to check.
            diagnostics.Add(new BpmnDiagnostic(sourceName, root.Location.Line, root.Id, DiagnosticCodes.Fragment,
                $"<{root.QualifiedName}> is an extension fragment, not a BPMN document: read as XML only", DiagnosticSeverity.Warning));
            return;
        }
        if (rootType is null || !BpmnSchema.Instance.IsGlobalElement(root.NamespaceUri, root.LocalName))
        {
            var what = root.NamespaceUri.Length == 0 ? "in no namespace" : $"in namespace {root.NamespaceUri}";
            Error(root, root.Id, DiagnosticCodes.NotBpmn,
                $"<{root.QualifiedName}> {what} is not a BPMN 2.0 document (expected <definitions> in {BpmnNamespaces.Model})");
            return;
        }
        _isFragment = root.LocalName != "definitions";
        Visit(root, XsiType(root, WithDeclarations(scope, root)) ?? rootType, scope, root.Id);
        foreach (var (element, attribute, value, nearestId) in _diReferences)
        {
            var id = LocalPart(value);
            if (!_ids.ContainsKey(id))
                Warning(element, nearestId, DiagnosticCodes.UnresolvedDiReference, $"{element.LocalName} {attribute}=\"{value}\" names no element in this file");
        }
    }

    private void Visit(DocumentElement element, SchemaType type, Dictionary<string, string> inherited, string? nearestId)
    {
        var scope = WithDeclarations(inherited, element);
        var id = element.Id;
        if (id is not null)
        {
            if (!_ids.TryAdd(id, element))
                Error(element, id, DiagnosticCodes.DuplicateId, $"the id '{id}' is already used by <{_ids[id].LocalName}> on line {_ids[id].Location.Line}");
            nearestId = id;
        }
        foreach (var attribute in element.Attributes)
        {
            // A name the reader had to escape (".color" read as "_x002E_color") is no BPMN attribute but a
            // tool's decoration: kept verbatim, and reported once as repaired rather than as unknown.
            if (attribute.LocalName != System.Xml.XmlConvert.DecodeName(attribute.LocalName))
                continue;
            if (attribute.NamespaceUri.Length == 0 || BpmnNamespaces.IsSchemaNamespace(attribute.NamespaceUri))
            {
                // A fragment cut from a document may keep the definitions' targetNamespace on its root.
                if (!type.Attributes.Contains(attribute.LocalName) && !(_isFragment && ReferenceEquals(element, _root) && attribute.LocalName == "targetNamespace"))
                {
                    Error(element, nearestId, DiagnosticCodes.UnknownAttribute, $"<{element.QualifiedName}> has no attribute '{attribute.QualifiedName}' in BPMN 2.0");
                    continue;
                }
                if (QNameAttributes.Contains(attribute.LocalName))
                    CheckPrefix(element, attribute.LocalName, attribute.Value, scope, nearestId);
            }
            else if (attribute is { NamespaceUri: BpmnNamespaces.Xsi, LocalName: "type" })
            {
                CheckPrefix(element, "xsi:type", attribute.Value, scope, nearestId);
            }
        }
        if (element.NamespaceUri == BpmnNamespaces.BpmnDi && element.LocalName is "BPMNShape" or "BPMNEdge" or "BPMNPlane")
        {
            var target = element.Attribute("bpmnElement");
            // A shape must draw something; an edge without one is a plain connector some tools (Trisotech) write.
            if (target is null && element.LocalName == "BPMNShape" && !_isFragment)
                Error(element, nearestId, DiagnosticCodes.MissingAttribute, $"<{element.QualifiedName}> has no bpmnElement: it draws nothing");
            else if (target is not null)
                _diReferences.Add((element, "bpmnElement", target, nearestId));
        }
        if (type.AllowsAnyChild && type.Children.Count == 0)
            return;
        foreach (var child in element.Elements())
        {
            if (child.NamespaceUri.Length == 0)
            {
                if (!type.AllowsAnyChild)
                    Error(child, nearestId, DiagnosticCodes.NoNamespace, $"<{child.LocalName}> is in no namespace (undeclared prefix or missing xmlns) and is not a child <{element.LocalName}> may have");
                continue;
            }
            var alias = BpmnSchema.Alias(child.NamespaceUri);
            if (alias is null)
                continue; // an extension: kept verbatim, never checked
            if (!type.Children.TryGetValue(alias + ":" + child.LocalName, out var childTypeName))
            {
                if (type.AllowsAnyChild)
                    continue;
                var known = BpmnSchema.Instance.IsGlobalElement(child.NamespaceUri, child.LocalName);
                Error(child, child.Id ?? nearestId, DiagnosticCodes.UnknownElement, known
                    ? $"<{child.QualifiedName}> is not allowed inside <{element.LocalName}>"
                    : $"<{child.QualifiedName}> is not a BPMN 2.0 element");
                continue;
            }
            var childType = XsiType(child, WithDeclarations(scope, child)) ?? BpmnSchema.Instance.Type(childTypeName);
            if (childType is not null)
                Visit(child, childType, scope, nearestId);
            else
                CollectIds(child, nearestId);
        }
    }

    // Text-only elements (incoming, outgoing, …) can still carry an id.
    private void CollectIds(DocumentElement element, string? nearestId)
    {
        if (element.Id is { } id && !_ids.TryAdd(id, element))
            Error(element, id, DiagnosticCodes.DuplicateId, $"the id '{id}' is already used by <{_ids[id].LocalName}> on line {_ids[id].Location.Line}");
    }

    private static SchemaType? XsiType(DocumentElement element, Dictionary<string, string> scope)
    {
        var value = element.Attribute("type", BpmnNamespaces.Xsi);
        if (value is null)
            return null;
        var colon = value.IndexOf(':');
        var prefix = colon < 0 ? "" : value[..colon];
        return scope.TryGetValue(prefix, out var uri) ? BpmnSchema.Instance.TypeByName(uri, value[(colon + 1)..]) : null;
    }

    private void CheckPrefix(DocumentElement element, string attribute, string value, Dictionary<string, string> scope, string? nearestId)
    {
        var colon = value.IndexOf(':');
        if (colon <= 0 || value.Contains("//", StringComparison.Ordinal) || value.Contains(' '))
            return;
        var prefix = value[..colon];
        if (!scope.ContainsKey(prefix))
            Error(element, nearestId, DiagnosticCodes.UndeclaredPrefix, $"{attribute}=\"{value}\" uses the prefix '{prefix}', which is not declared (xmlns:{prefix}=\"…\")");
    }

    private static Dictionary<string, string> WithDeclarations(Dictionary<string, string> scope, DocumentElement element)
    {
        if (element.NamespaceDeclarations.IsEmpty)
            return scope;
        var copy = new Dictionary<string, string>(scope);
        foreach (var declaration in element.NamespaceDeclarations)
            copy[declaration.Prefix] = declaration.Uri;
        return copy;
    }

    public static string LocalPart(string reference)
    {
        var colon = reference.IndexOf(':');
        return colon < 0 ? reference : reference[(colon + 1)..];
    }

    private void Error(DocumentElement element, string? id, string code, string message) =>
        diagnostics.Add(new BpmnDiagnostic(sourceName, element.Location.Line, id, code, message));

    private void Warning(DocumentElement element, string? id, string code, string message) =>
        diagnostics.Add(new BpmnDiagnostic(sourceName, element.Location.Line, id, code, message, DiagnosticSeverity.Warning));
}
