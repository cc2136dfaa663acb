using System.Collections.Frozen;

namespace JcStar.Workflow.Bpmn.Schema;

/// <summary>One complex type of the OMG schemas with inheritance flattened. Children map "alias:local" to the child's type ("-" for text only).</summary>
internal sealed record SchemaType(string Name, FrozenSet<string> Attributes, FrozenDictionary<string, string> Children, bool AllowsAnyChild, bool IsMixed);
