namespace JcStar.Workflow.Identity.Model;

/// <summary>One attempt to sign in: who, when, from where, how, and whether it worked (never the password).</summary>
public sealed class SignInRecord
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public string UserName { get; set; } = "";
    public string? RemoteAddress { get; set; }
    public string Method { get; set; } = "";
    public bool Succeeded { get; set; }
    public string? Reason { get; set; }
}
