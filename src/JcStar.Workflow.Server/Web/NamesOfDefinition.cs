namespace JcStar.Workflow.Server.Web;

/// <summary>A deployed version's element names (by element id) and its process's name; shared between requests, so read only.</summary>
public sealed record NamesOfDefinition(IReadOnlyDictionary<string, string> Elements, string ProcessName);
