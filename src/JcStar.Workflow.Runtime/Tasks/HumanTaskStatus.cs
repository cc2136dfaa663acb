namespace JcStar.Workflow.Runtime.Tasks;

public enum HumanTaskStatus
{
    Open,
    Completed,
    /// <summary>Closed without completion: a boundary event interrupted it or the instance ended.</summary>
    Cancelled,
}
