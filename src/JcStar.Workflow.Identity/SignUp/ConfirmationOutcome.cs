namespace JcStar.Workflow.Identity.SignUp;

public enum ConfirmationOutcome
{
    /// <summary>The address is confirmed and the user may sign in.</summary>
    Confirmed,

    /// <summary>The address is confirmed; staff must still approve the organization.</summary>
    AwaitingApproval,

    /// <summary>The link is unknown, used or expired.</summary>
    Invalid,
}
