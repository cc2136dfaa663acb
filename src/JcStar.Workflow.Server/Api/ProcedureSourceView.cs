namespace JcStar.Workflow.Server.Api;

/// <summary>One published version's XML: what the procedure page's diagram draws and the modeler starts from.</summary>
public sealed record ProcedureSourceView(string ProcessId, int Version, string SourceName, string Xml);
