namespace JcStar.Workflow.Scheme.Persistence.Rows;

/// <summary>A gap-free counter: <see cref="Value"/> is the last number handed out.</summary>
public sealed class SequenceRow
{
    public string Name { get; set; } = "";
    public long Value { get; set; }
}
