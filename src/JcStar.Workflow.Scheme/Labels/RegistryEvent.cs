namespace JcStar.Workflow.Scheme.Labels;

/// <summary>What happened to an entry and when; entries keep their whole history (they are never deleted).</summary>
public sealed record RegistryEvent(DateOnly On, string Kind, string Detail, string? By);
