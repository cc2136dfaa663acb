namespace JcStar.Workflow.Mail.Tests;

public sealed class ProcessDiedException() : Exception("the process died here");
