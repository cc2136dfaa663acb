namespace JcStar.Workflow.Persistence.Hosting;

/// <summary>Another context whose tables live in the workflow database (the user register): migrated after the workflow's, under the same guard.</summary>
/// <param name="What">How the log names it ("user register").</param>
/// <param name="ContextType">The context, resolved from a scope.</param>
public sealed record MigratedContext(string What, Type ContextType);
