using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Persistence.Providers;

/// <summary>
/// What a provider project does its own way, registered with its EF Core options (as EF Core's providers register
/// theirs) so that every host that configures the provider gets it, and the shared stores ask the context
/// (<see cref="Find{T}"/>) instead of asking which database they are on.
/// </summary>
public sealed class WorkflowProviderServices : IDbContextOptionsExtension
{
    private readonly string provider;
    private readonly Action<IServiceCollection> register;
    private DbContextOptionsExtensionInfo? info;

    private WorkflowProviderServices(string provider, Action<IServiceCollection> register)
    {
        this.provider = provider;
        this.register = register;
    }

    public DbContextOptionsExtensionInfo Info => info ??= new ExtensionInfo(this);

    /// <summary>Adds <paramref name="register"/>'s services, under the provider's name, to the context's services.</summary>
    public static DbContextOptionsBuilder Add(DbContextOptionsBuilder options, string provider, Action<IServiceCollection> register)
    {
        ((IDbContextOptionsBuilderInfrastructure)options).AddOrUpdateExtension(new WorkflowProviderServices(provider, register));
        return options;
    }

    /// <summary>The provider's service of type <typeparamref name="T"/>, or null when the provider has none.</summary>
    public static T? Find<T>(DbContext db) where T : class => db.GetInfrastructure().GetService(typeof(T)) as T;

    public void ApplyServices(IServiceCollection services) => register(services);

    public void Validate(IDbContextOptions options)
    {
    }

    private sealed class ExtensionInfo(WorkflowProviderServices extension) : DbContextOptionsExtensionInfo(extension)
    {
        private new WorkflowProviderServices Extension => (WorkflowProviderServices)base.Extension;

        public override bool IsDatabaseProvider => false;

        public override string LogFragment => $"WorkflowProviderServices={Extension.provider} ";

        public override int GetServiceProviderHashCode() => StringComparer.Ordinal.GetHashCode(Extension.provider);

        public override bool ShouldUseSameServiceProvider(DbContextOptionsExtensionInfo other) =>
            other is ExtensionInfo o && o.Extension.provider == Extension.provider;

        public override void PopulateDebugInfo(IDictionary<string, string> debugInfo) =>
            debugInfo["WorkflowProviderServices"] = Extension.provider;
    }
}
