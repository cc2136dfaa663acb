using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Documents.Hosting;

public static class DocumentsServiceCollectionExtensions
{
    /// <summary>
    /// Word letters from templates: the options, the template engine, PDF through LibreOffice when it is
    /// installed, template versions, the render activity and its <c>document.render</c> handler (registered as itself: a host may wrap
    /// it, as the scheme's letters do), and the file store when <c>Documents:Store</c> is Files. With Database,
    /// the host registers the database's store (Persistence's <c>AddEfDocumentStore</c>). Needs a <see cref="TimeProvider"/>.
    /// </summary>
    /// <param name="letterZone">The zone letters are dated in.</param>
    public static IServiceCollection AddWorkflowDocuments(this IServiceCollection services, DocumentsOptions documents, TimeZoneInfo letterZone)
    {
        if (!documents.StoresInDatabase && !string.Equals(documents.Store, "Files", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"setting Documents:Store is '{documents.Store}'; expected Files or Database");
        services.AddSingleton(documents);
        services.AddSingleton<WordTemplateEngine>();
        if (!documents.StoresInDatabase)
            services.TryAddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(documents, sp.GetRequiredService<TimeProvider>()));
        if (LibreOfficePdfConverter.IsAvailable(documents.Pdf))
            services.AddSingleton<IPdfConverter>(new LibreOfficePdfConverter(documents.Pdf));
        // Template versions: the folder's files are version 1, uploads the next ones; the database's store when the host
        // registers one (Persistence's workflow stores), else in memory.
        services.TryAddSingleton<ILetterTemplateStore, InMemoryLetterTemplateStore>();
        services.AddSingleton(sp => new LetterTemplates(sp.GetRequiredService<ILetterTemplateStore>(), sp.GetRequiredService<WordTemplateEngine>(), documents,
            sp.GetRequiredService<TimeProvider>(), sp.GetService<IAuditLog>()));
        services.AddSingleton(sp => new RenderDocumentActivity(sp.GetRequiredService<WordTemplateEngine>(), sp.GetRequiredService<IDocumentStore>(), documents, sp.GetService<IPdfConverter>(),
            sp.GetRequiredService<LetterTemplates>()));
        services.AddSingleton(sp => new DocumentRenderActivityHandler(sp.GetRequiredService<RenderDocumentActivity>(), letterZone));
        return services;
    }
}
