namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>Field name to messages; empty means valid.</summary>
public sealed record FormValidationResult(IReadOnlyDictionary<string, string[]> Errors)
{
    public static FormValidationResult Valid { get; } = new(new Dictionary<string, string[]>());

    public bool IsValid => Errors.Count == 0;
}
