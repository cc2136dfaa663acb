namespace JcStar.Workflow.Server.Hosting;

/// <summary>Bound from "Data". Relative paths resolve against the current directory (the repository root when run as the README says).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    public string Root { get; set; } = "./data";

    public string FullRoot => Path.GetFullPath(Root);
}
