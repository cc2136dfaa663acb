using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Hosting;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Mail.Hosting;
using JcStar.Workflow.Persistence.Hosting;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Hosting;
using JcStar.Workflow.Scheme.Letters;

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
        var placeholders = scheme.Office.Placeholders();
        if (placeholders.Count > 0 && builder.Environment.IsProduction())
            throw new InvalidOperationException($"letters would go out with placeholder office data: set {string.Join(", ", placeholders)} (appsettings, section Scheme:Office)");
        if (placeholders.Count > 0)
            services.AddHostedService(sp => new OfficeSettingsWarning(sp.GetRequiredService<ILogger<OfficeSettingsWarning>>(), placeholders));

        var formsPath = config.GetValue<string>("Workflows:FormsPath") ?? Path.Combine(config.GetValue<string>("Workflows:Path") ?? "workflows", "forms");
        services.AddSingleton<IFormSource>(new FormFolder(formsPath));
        services.AddSingleton<ITaskFormValidator, FormKeyValidator>();
        services.AddJcStarScheme(scheme);

        var documents = config.GetSection(DocumentsOptions.SectionName).Get<DocumentsOptions>() ?? new DocumentsOptions();
        if (documents.StoreRoot == new DocumentsOptions().StoreRoot)
            documents = documents with { StoreRoot = Path.Combine(dataRoot, "documents") };
        services.AddWorkflowDocuments(documents, TimeZones.Find(scheme.TimeZone));
        if (documents.StoresInDatabase)
            services.AddEfDocumentStore();
        // The templates folder's files become version 1 in the template store at start (uploads make the next versions).
        services.AddHostedService<LetterTemplateDeployment>();
        services.AddSingleton<IActivityHandler>(sp => new SchemeLetterActivity(sp.GetRequiredService<DocumentRenderActivityHandler>(), sp.GetRequiredService<SchemeServices>()));

        var mail = config.GetSection("Mail").Get<MailOptions>() ?? new MailOptions();
        if (mail.OutboxFolder == new MailOptions().OutboxFolder)
            mail = mail with { OutboxFolder = Path.Combine(dataRoot, "outbox") };
        services.AddWorkflowMail(mail);
        services.AddHostedService<MailDispatchService>();
        return builder;
    }
}
