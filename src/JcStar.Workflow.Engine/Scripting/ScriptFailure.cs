namespace JcStar.Workflow.Engine.Scripting;

/// <summary>An expression or script could not be evaluated (parse error, thrown error, limit exceeded); becomes an incident.</summary>
public sealed class ScriptFailure(string message, Exception? inner = null) : Exception(message, inner);
