using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Documents.Storage;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Runtime.Mail;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Letters;
using JcStar.Workflow.Scheme.Numbering;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Server.Hosting;

public static class SchemeRegistration
{
    /// <summary>
    /// The JC-STAR parts: scheme rules and activities, start variables, letters (Word, PDF when LibreOffice
    /// is installed), mail through the outbox, and task forms from workflows/forms. Paths resolve under the data root.
    /// </summary>
    public static WebApplicationBuilder AddJcStarScheme(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var config = builder.Configuration;
        var dataRoot = Path.GetFullPath(config.GetSection(DataOptions.Section).Get<DataOptions>()?.Root ?? "./data");

        var scheme = config.GetSection(SchemeOptions.Section).Get<SchemeOptions>() ?? new SchemeOptions();
        services.AddSingleton(scheme);
        var placeholders = scheme.Office.Placeholders();
        if (placeholders.Count > 0 && builder.Environment.IsProduction())
            throw new InvalidOperationException($"letters would go out with placeholder office data: set {string.Join(", ", placeholders)} (appsettings, section Scheme:Office)");
        if (placeholders.Count > 0)
            services.AddHostedService(sp => new OfficeSettingsWarning(sp.GetRequiredService<ILogger<OfficeSettingsWarning>>(), placeholders));
        services.AddSingleton<IStartVariableSource>(new SchemeStartVariableSource(scheme));
        services.TryAddSingleton<IRegistryStore, InMemoryRegistryStore>();
        services.TryAddSingleton<ISequenceStore, InMemorySequenceStore>();
        services.TryAddSingleton<IFacilityStore, InMemoryFacilityStore>();
        services.TryAddSingleton<IConflictRegister, InMemoryConflictRegister>();
        services.TryAddSingleton<IActivityLedger, InMemoryActivityLedger>();
        services.AddSingleton<SchemeServices>();
        services.AddSingleton<JcStar.Workflow.Scheme.Records.CaseRecordArchive>();
        services.AddSingleton<JcStar.Workflow.Runtime.Access.IConflictOfInterestSource, RegisteredConflictsOfInterest>();
        // The facility check also makes an eligible facility a party to the case (so its members see it).
        foreach (var handler in SchemeActivities.HandlerTypes.Where(t => t != typeof(CheckFacility)))
            services.AddSingleton(typeof(IActivityHandler), handler);
        services.AddSingleton<CheckFacility>();
        services.AddSingleton<IActivityHandler, FacilityPartyAssignment>();

        var documents = config.GetSection(DocumentsOptions.SectionName).Get<DocumentsOptions>() ?? new DocumentsOptions();
        if (documents.StoreRoot == new DocumentsOptions().StoreRoot)
            documents = documents with { StoreRoot = Path.Combine(dataRoot, "documents") };
        services.AddSingleton(documents);
        services.AddSingleton<WordTemplateEngine>();
        if (string.Equals(documents.Store, "Database", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IDocumentStore, EfDocumentStore>();
        else if (string.Equals(documents.Store, "Files", StringComparison.OrdinalIgnoreCase))
            services.AddSingleton<IDocumentStore>(sp => new FileSystemDocumentStore(documents, sp.GetRequiredService<TimeProvider>()));
        else
            throw new InvalidOperationException($"setting Documents:Store is '{documents.Store}'; expected Files or Database");
        if (LibreOfficePdfConverter.IsAvailable(documents.Pdf))
            services.AddSingleton<IPdfConverter>(new LibreOfficePdfConverter(documents.Pdf));
        services.AddSingleton(sp => new RenderDocumentActivity(sp.GetRequiredService<WordTemplateEngine>(), sp.GetRequiredService<IDocumentStore>(), documents, sp.GetService<IPdfConverter>()));
        services.AddSingleton<IActivityHandler>(sp => new SchemeLetterActivity(
            new DocumentRenderActivityHandler(sp.GetRequiredService<RenderDocumentActivity>(), TimeZoneInfo.FindSystemTimeZoneById(scheme.TimeZone)),
            sp.GetRequiredService<SchemeServices>()));

        var mail = config.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        if (mail.OutboxFolder == new MailOptions().OutboxFolder)
            mail = mail with { OutboxFolder = Path.Combine(dataRoot, "outbox") };
        services.AddSingleton(mail);
        services.AddSingleton<MailTemplateLibrary>();
        services.AddSingleton<IAttachmentSource, DocumentAttachmentSource>();
        services.AddSingleton(MailTransport.FromOptions(mail));
        services.AddSingleton<SendMailActivity>();
        services.AddSingleton<IActivityHandler, MailSendActivityHandler>();
        services.AddSingleton<MailDispatcher>();
        services.AddHostedService<MailDispatchService>();

        var formsPath = config.GetValue<string>("Workflows:FormsPath") ?? Path.Combine(config.GetValue<string>("Workflows:Path") ?? "workflows", "forms");
        services.AddSingleton<IFormSource>(new FormFolder(formsPath));
        services.AddSingleton<ITaskFormValidator, FormKeyValidator>();
        services.AddSingleton<ITaskFormValidator, JcStar.Workflow.Scheme.Checklists.ChecklistReviewFormValidator>();
        return builder;
    }
}
