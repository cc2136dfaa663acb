namespace JcStar.Workflow.Documents;

/// <summary>A template refused before it is used: macros, external relationships, zip bombs, oversize input.</summary>
public sealed class UnsafeTemplateException(string message) : Exception(message);
