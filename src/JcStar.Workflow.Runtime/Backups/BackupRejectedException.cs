namespace JcStar.Workflow.Runtime.Backups;

/// <summary>A backup archive, or the place to restore it to, cannot be used; the message says why and where.</summary>
public sealed class BackupRejectedException(string message, Exception? inner = null) : Exception(message, inner);
