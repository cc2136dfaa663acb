using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Cli.Access;

/// <summary>
/// The document store the server keeps its letters in, chosen by the same settings: "Documents:Store" Files (under
/// "Documents:StoreRoot", by default <c>documents</c> under the data root) or Database (the workflow database).
/// </summary>
internal static class CliDocumentStore
{
    public static IDocumentStore Create(IConfiguration configuration, IServiceProvider services)
    {
        var options = configuration.GetSection(DocumentsOptions.SectionName).Get<DocumentsOptions>() ?? new DocumentsOptions();
        if (string.Equals(options.Store, "Database", StringComparison.OrdinalIgnoreCase))
            return new EfDocumentStore(services.GetRequiredService<IDbContextFactory<WorkflowDbContext>>(), TimeProvider.System);
        if (!string.Equals(options.Store, "Files", StringComparison.OrdinalIgnoreCase))
            throw new CliUsageException($"setting Documents:Store is '{options.Store}'; expected Files or Database");
        if (options.StoreRoot == new DocumentsOptions().StoreRoot)
            options = options with { StoreRoot = Path.Combine(CliDatabase.DataRoot(configuration.GetValue<string>("Data:Root") ?? "./data"), "documents") };
        return new FileSystemDocumentStore(options, TimeProvider.System);
    }
}
