namespace JcStar.Workflow.Scheme;

/// <summary>An action the scheme forbids (a conflicted facility, an appeal handled by the decision maker, …). <see cref="Rule"/> is a stable code.</summary>
public sealed class SchemeRuleViolation(string rule, string message) : Exception(message)
{
    public string Rule { get; } = rule;
}
