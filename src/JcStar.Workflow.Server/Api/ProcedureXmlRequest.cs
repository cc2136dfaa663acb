namespace JcStar.Workflow.Server.Api;

/// <summary>A draft drawn in the modeler, posted to be checked or compared.</summary>
public sealed record ProcedureXmlRequest(string? Xml);
