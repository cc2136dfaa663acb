namespace JcStar.Workflow.Server.Web.Public;

/// <summary>What opening a confirmation link led to.</summary>
public enum ComplaintOutcome
{
    Opened,
    AlreadyOpened,
    Expired,
    Unknown,
}
