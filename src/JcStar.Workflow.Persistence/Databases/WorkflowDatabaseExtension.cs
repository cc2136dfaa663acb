using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>Carries the chosen database's dialect and the model contributions in the context options.</summary>
internal sealed class WorkflowDatabaseExtension(IDatabaseDialect? dialect, IReadOnlyList<IWorkflowModelContribution> contributions) : IDbContextOptionsExtension
{
    private ExtensionInfo? _info;

    public IDatabaseDialect? Dialect => dialect;

    public IReadOnlyList<IWorkflowModelContribution> Contributions => contributions;

    public DbContextOptionsExtensionInfo Info => _info ??= new ExtensionInfo(this);

    public WorkflowDatabaseExtension WithDialect(IDatabaseDialect value) => new(value, contributions);

    public WorkflowDatabaseExtension With(IWorkflowModelContribution contribution) =>
        contributions.Any(c => c.GetType() == contribution.GetType()) ? this : new(dialect, [.. contributions, contribution]);

    public void ApplyServices(IServiceCollection services)
    {
    }

    public void Validate(IDbContextOptions options)
    {
    }

    /// <summary>EF caches one model per internal service provider: contexts with another dialect or other contributions get their own.</summary>
    private sealed class ExtensionInfo(WorkflowDatabaseExtension extension) : DbContextOptionsExtensionInfo(extension)
    {
        private WorkflowDatabaseExtension Own => (WorkflowDatabaseExtension)Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => "";

        public override int GetServiceProviderHashCode()
        {
            var hash = new HashCode();
            hash.Add(Own.Dialect?.GetType());
            foreach (var contribution in Own.Contributions)
                hash.Add(contribution.GetType());
            return hash.ToHashCode();
        }

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o
            && o.Own.Dialect?.GetType() == Own.Dialect?.GetType()
            && o.Own.Contributions.Select(c => c.GetType()).SequenceEqual(Own.Contributions.Select(c => c.GetType()));

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["JcStar:WorkflowDatabase"] = GetServiceProviderHashCode().ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
