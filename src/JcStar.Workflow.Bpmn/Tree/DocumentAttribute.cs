namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>An attribute as written: unqualified attributes have an empty namespace and prefix. Namespace declarations are not attributes here.</summary>
public sealed record DocumentAttribute(string NamespaceUri, string LocalName, string Prefix, string Value)
{
    public string QualifiedName => Prefix.Length == 0 ? LocalName : Prefix + ":" + LocalName;
}
