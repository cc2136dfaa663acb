namespace JcStar.Workflow.Server.Hosting;

/// <summary>Bound from "Workflows": the folder whose *.bpmn files are deployed at start.</summary>
public sealed class WorkflowFilesOptions
{
    public const string Section = "Workflows";

    public string Path { get; set; } = "workflows";

    public bool DeployAtStart { get; set; } = true;
}
