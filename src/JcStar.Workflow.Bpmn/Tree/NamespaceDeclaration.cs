namespace JcStar.Workflow.Bpmn.Tree;

/// <summary>An xmlns declaration on an element; an empty <see cref="Prefix"/> is the default namespace.</summary>
public sealed record NamespaceDeclaration(string Prefix, string Uri);
