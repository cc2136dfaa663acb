namespace JcStar.Workflow.Runtime.Mail;

/// <summary>An RFC 5322 mailbox: an address and the display name shown beside it (Japanese names allowed).</summary>
public sealed record Mailbox(string Address, string? DisplayName = null)
{
    public override string ToString() => DisplayName is { Length: > 0 } name ? $"{name} <{Address}>" : Address;
}
