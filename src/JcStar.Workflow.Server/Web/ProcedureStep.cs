namespace JcStar.Workflow.Server.Web;

/// <summary>A user task of a procedure, as the inbox's step filter offers it.</summary>
public sealed record ProcedureStep(string ElementId, string Name);
