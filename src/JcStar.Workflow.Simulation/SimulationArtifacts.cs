using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Hosting;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Mail.Hosting;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// The letters and mail a simulation produces, through the real document renderer and mail composer:
/// Word files and .eml files land in the --out folder so staff read every letter before publishing a change.
/// Without --out they are produced all the same (an error in a template shows) and listed without a path.
/// </summary>
public sealed class SimulationArtifacts
{
    private readonly InMemoryDocumentStore documents;
    private readonly MailOptions mailOptions;
    private readonly string? outDir;
    private readonly bool reportsVersions;

    /// <param name="templateVersions">The host's letter template versions (the server's database): letters render from the latest
    /// version of each template held there, a template it does not hold from the folder. Null renders from the folder only.</param>
    public SimulationArtifacts(string? outDir, string templatesRoot, TimeProvider clock, TimeZoneInfo letterZone, ILetterTemplateStore? templateVersions = null)
    {
        this.outDir = outDir;
        reportsVersions = templateVersions is not null;
        documents = new InMemoryDocumentStore(clock);
        var documentOptions = new DocumentsOptions { TemplatesRoot = templatesRoot };
        mailOptions = new MailOptions { TemplateFolder = Path.Combine(templatesRoot, "mail"), StrictTemplateVariables = true };
        // The adapters as the server registers them, on the simulation's clock and in-memory store; no PDF (staff read the Word files).
        var collection = new ServiceCollection()
            .AddSingleton(clock)
            .AddSingleton<IDocumentStore>(documents);
        if (templateVersions is not null)
            collection.AddSingleton<ILetterTemplateStore>(new LayeredLetterTemplateStore(templateVersions));
        var services = collection
            .AddWorkflowDocuments(documentOptions, letterZone)
            .AddWorkflowMail(mailOptions)
            .RemoveAll<IPdfConverter>()
            .BuildServiceProvider();
        Handlers = [services.GetRequiredService<DocumentRenderActivityHandler>(), .. services.GetServices<IActivityHandler>()];
    }

    public IReadOnlyList<IActivityHandler> Handlers { get; }

    /// <summary>Where the simulation's steps queue their mail: give it to the <see cref="SimulationHost"/>, whose store commits into it.</summary>
    public InMemoryOutbox Outbox { get; } = new();

    public async Task<IReadOnlyList<DocumentEntry>> DocumentsAsync(string? instanceId, CancellationToken ct)
    {
        if (instanceId is null)
            return [];
        var entries = new List<DocumentEntry>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var document in await documents.ListByInstanceAsync(instanceId, ct))
        {
            string? path = null;
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                path = Path.Combine(outDir, Unique(document.Name, used));
                var (_, content) = (await documents.OpenAsync(document.Id, ct))!.Value;
                await File.WriteAllBytesAsync(path, content, ct);
            }
            // Versions are numbered by the host's store; a folder-only run's in-memory numbers would mean nothing to the reader.
            entries.Add(new DocumentEntry(null, document.TemplateName, document.Name, path) { TemplateVersion = reportsVersions ? document.TemplateVersion : null });
        }
        return entries;
    }

    public async Task<IReadOnlyList<MailEntry>> MailsAsync(string? instanceId, CancellationToken ct)
    {
        if (instanceId is null)
            return [];
        var composer = new MimeMessageComposer(new DocumentAttachmentSource(documents));
        var entries = new List<MailEntry>();
        foreach (var message in await Outbox.ListByInstanceAsync(instanceId, ct))
        {
            string? path = null;
            if (outDir is not null)
            {
                Directory.CreateDirectory(outDir);
                var mime = await composer.ComposeAsync(message, ct);
                path = Path.Combine(outDir, EmlFileMailTransport.FileNameFor(mime));
                await mime.WriteToAsync(path, ct);
            }
            entries.Add(new MailEntry(message.ElementId, [.. message.To.Select(m => m.Address)], message.Subject, path) { Template = message.TemplateName });
        }
        return entries;
    }

    /// <summary>Two letters of one template in one case (a second correction request) keep both files.</summary>
    private static string Unique(string name, HashSet<string> used)
    {
        var candidate = name;
        for (var n = 2; !used.Add(candidate); n++)
            candidate = $"{Path.GetFileNameWithoutExtension(name)}_{n}{Path.GetExtension(name)}";
        return candidate;
    }
}
