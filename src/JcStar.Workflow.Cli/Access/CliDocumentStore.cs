using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// The document store the server keeps its letters in, chosen by the same settings: "Documents:Store" Files (under
/// "Documents:StoreRoot", by default <c>documents</c> under the data root) or Database (the workflow database).
/// </summary>
internal static class CliDocumentStore
{
    /// <summary>Registers the store the settings choose: the database's (Persistence's <c>AddEfDocumentStore</c>) or the folder's, made when first asked for.</summary>
    public static IServiceCollection AddCliDocumentStore(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(DocumentsOptions.SectionName).Get<DocumentsOptions>() ?? new DocumentsOptions();
        services.TryAddSingleton(TimeProvider.System);
        if (options.StoresInDatabase)
            return services.AddEfDocumentStore();
        return services.AddSingleton<IDocumentStore>(sp => Files(configuration, options, sp.GetRequiredService<TimeProvider>()));
    }

    public static IDocumentStore Create(IServiceProvider services) => services.GetRequiredService<IDocumentStore>();

    private static FileSystemDocumentStore Files(IConfiguration configuration, DocumentsOptions options, TimeProvider clock)
    {
        if (!string.Equals(options.Store, "Files", StringComparison.OrdinalIgnoreCase))
            throw new CliUsageException($"setting Documents:Store is '{options.Store}'; expected Files or Database");
        if (options.StoreRoot == new DocumentsOptions().StoreRoot)
            options = options with { StoreRoot = Path.Combine(CliDatabase.DataRoot(configuration.GetValue<string>("Data:Root") ?? "./data"), "documents") };
        return new FileSystemDocumentStore(options, clock);
    }
}
