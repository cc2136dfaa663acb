using JcStar.Workflow.Persistence;
using JcStar.Workflow.Scheme.Persistence.Rows;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

/// <summary>
/// A database's own index for the registry's substring search (SQLite's FTS5 trigram table). A provider offers one
/// through <see cref="JcStar.Workflow.Persistence.Providers.WorkflowProviderServices"/>; without one the store matches every term with LIKE,
/// which PostgreSQL's trigram indexes serve.
/// </summary>
public interface IRegistryTextIndex
{
    /// <summary>
    /// The entries holding every term the index can serve (a query the store goes on filtering), and the terms it
    /// cannot serve (too short for trigrams), which the store matches with LIKE.
    /// </summary>
    RegistryTextNarrowing Narrow(WorkflowDbContext db, IReadOnlyList<RegistrySearchTerm> terms);
}
