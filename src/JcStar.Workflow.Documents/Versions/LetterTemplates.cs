using System.Text.Json;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Documents;

namespace JcStar.Workflow.Documents.Versions;

/// <summary>
/// The versions of the letter templates: the files under Documents:TemplatesRoot are version 1 (a restart with unchanged
/// files makes no new version, a changed file makes the next); an upload is checked exactly as <c>jcstar render --check</c>
/// checks a file (<see cref="WordTemplateEngine.Check"/>, behind the same size, zip-bomb and macro guards) and refused on
/// any error, keeping the current version; letters render from the latest version; a preview fills any version with the
/// template's example data, a case's variables laid over it.
/// </summary>
/// <param name="audit">Where uploads and refusals are recorded; null where nothing is audited (simulation, tests of rendering).</param>
public sealed class LetterTemplates(ILetterTemplateStore store, WordTemplateEngine engine, DocumentsOptions options, TimeProvider clock, IAuditLog? audit = null)
{
    /// <summary>Who a version deployed from the templates folder was made by.</summary>
    public const string FolderDeployer = "system:templates";

    public const string WordExtension = ".docx";

    public ILetterTemplateStore Store => store;

    /// <summary>Template names come from workflow definitions and from the browser: plain names only, never paths.</summary>
    public static string RequireValidName(string name)
    {
        if (!IsValidName(name))
            throw new ArgumentException($"template name '{name}' must be a plain name such as grant-notice (letters, digits, '-', '_', '.')", nameof(name));
        return name;
    }

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !name.Contains("..") && name[0] != '.';

    /// <summary>The names of the Word files in the templates folder.</summary>
    public IReadOnlyList<string> FolderNames() =>
        Directory.Exists(options.TemplatesRoot)
            ? [.. Directory.EnumerateFiles(options.TemplatesRoot, "*" + WordExtension).Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsValidName).Order(StringComparer.Ordinal)]
            : [];

    /// <summary>Stores every file of the templates folder not stored yet (see <see cref="NewLetterTemplateVersion.FromFolder"/>); returns the versions it made.</summary>
    public async Task<IReadOnlyList<LetterTemplateVersion>> DeployFolderAsync(CancellationToken cancellationToken = default)
    {
        var made = new List<LetterTemplateVersion>();
        foreach (var name in FolderNames())
        {
            var stored = await DeployFileAsync(name, cancellationToken);
            if (stored is { IsNew: true })
                made.Add(stored.Version);
        }
        return made;
    }

    /// <summary>Every version of every template, by name then newest first; a file of the folder not stored yet is stored first.</summary>
    public async Task<IReadOnlyList<LetterTemplateVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        var versions = await store.ListAsync(cancellationToken);
        if (FolderNames().Any(n => !versions.Any(v => v.Name == n)))
        {
            await DeployFolderAsync(cancellationToken);
            versions = await store.ListAsync(cancellationToken);
        }
        return versions;
    }

    /// <summary>
    /// The latest version of a template with its Word file. A template only in the folder (a store that has not seen it:
    /// in memory, or before the deployment at start) is stored as version 1 first, so every letter knows its version.
    /// </summary>
    public async Task<(LetterTemplateVersion Version, byte[] Content)> CurrentAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireValidName(name);
        if (await store.OpenAsync(name, null, cancellationToken) is { } latest)
            return latest;
        if (await DeployFileAsync(name, cancellationToken) is null)
            throw new FileNotFoundException($"template '{name}' not found: no stored version and no {name}{WordExtension} under {options.TemplatesRoot}", Path.Combine(options.TemplatesRoot, name + WordExtension));
        return (await store.OpenAsync(name, null, cancellationToken))!.Value;
    }

    /// <summary>One version (the latest when null) with its Word file, or null.</summary>
    public async Task<(LetterTemplateVersion Version, byte[] Content)?> OpenAsync(string name, int? version, CancellationToken cancellationToken = default)
    {
        if (!IsValidName(name))
            return null;
        if (version is not null)
            return await store.OpenAsync(name, version, cancellationToken);
        try
        {
            return await CurrentAsync(name, cancellationToken);
        }
        catch (FileNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// The diagnostics of an uploaded file, the same as <c>jcstar render --check</c> gives: every tag and every error. A file
    /// that is not a Word file, too large, a zip bomb or macro-enabled gives one error saying so instead of an exception.
    /// </summary>
    public TemplateCheckResult Check(string fileName, byte[] content)
    {
        var shown = Path.GetFileName(fileName.Replace('\\', '/'));
        if (!shown.EndsWith(WordExtension, StringComparison.OrdinalIgnoreCase))
            return Refusal(shown, $"only Word files ({WordExtension}) are accepted; '{shown}' is not one");
        if (content.Length == 0)
            return Refusal(shown, $"'{shown}' is empty");
        if (content.Length > options.MaxTemplateBytes)
            return Refusal(shown, $"'{shown}' is {content.Length:N0} bytes; the limit (Documents:MaxTemplateBytes) is {options.MaxTemplateBytes:N0}");
        try
        {
            return engine.Check(content);
        }
        catch (UnsafeTemplateException e)
        {
            return Refusal(shown, $"refused: {e.Message}");
        }
        catch (System.Xml.XmlException e)
        {
            return Refusal(shown, $"refused: a package part is not well-formed XML: {e.Message}");
        }
    }

    /// <summary>Checks the file and, when it has no error, stores it as the template's next version; every outcome but "unchanged" is audited.</summary>
    public async Task<LetterTemplateUpload> UploadAsync(string name, string fileName, byte[] content, string actor, string? note, CancellationToken cancellationToken = default)
    {
        RequireValidName(name);
        var check = Check(fileName, content);
        var now = clock.GetUtcNow();
        if (!check.IsValid)
        {
            await AuditAsync(AuditActions.LetterTemplateRefused, actor, now, new { template = name, fileName, errors = check.Errors.Select(e => e.ToString()).ToArray() }, cancellationToken);
            return new LetterTemplateUpload(check, null, false);
        }
        // A template the folder holds gets its version 1 from the folder first, so the upload is version 2.
        await DeployFileAsync(name, cancellationToken);
        var stored = await store.AddAsync(new NewLetterTemplateVersion(name, content, now, actor, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), FromFolder: false), cancellationToken);
        if (stored.IsNew)
            await AuditAsync(AuditActions.LetterTemplateVersionAdded, actor, now,
                new { template = name, version = stored.Version.Version, sha256 = stored.Version.Sha256, fileName, note = stored.Version.Note }, cancellationToken);
        return new LetterTemplateUpload(check, stored.Version, stored.IsNew);
    }

    /// <summary>
    /// Fills a version (the latest when null) with the template's example data (<c>&lt;name&gt;.example.json</c> beside it),
    /// the case's variables laid over it when given (what the scheme adds at sending, such as the document number and the
    /// addressee, then comes from the example), and <c>today</c>. Throws <see cref="DocumentTemplateException"/> naming what
    /// does not fill.
    /// </summary>
    public async Task<(LetterTemplateVersion Version, byte[] Document)?> PreviewAsync(string name, int? version, IReadOnlyDictionary<string, JsonElement>? caseVariables, DateOnly today, CancellationToken cancellationToken = default)
    {
        if (await OpenAsync(name, version, cancellationToken) is not { } found)
            return null;
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        var example = Path.Combine(options.TemplatesRoot, name + ".example.json");
        if (File.Exists(example))
        {
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(example, cancellationToken));
            foreach (var property in json.RootElement.EnumerateObject())
                values[property.Name] = property.Value.Clone();
        }
        foreach (var (key, value) in caseVariables ?? new Dictionary<string, JsonElement>())
            values[key] = value;
        values["today"] = today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return (found.Version, engine.Render(found.Content, TemplateData.FromValues(values)));
    }

    private async Task<StoredLetterTemplateVersion?> DeployFileAsync(string name, CancellationToken cancellationToken)
    {
        var path = Path.Combine(options.TemplatesRoot, name + WordExtension);
        if (!File.Exists(path))
            return null;
        var content = await File.ReadAllBytesAsync(path, cancellationToken);
        var stored = await store.AddAsync(new NewLetterTemplateVersion(name, content, clock.GetUtcNow(), FolderDeployer, $"{name}{WordExtension} from the templates folder", FromFolder: true), cancellationToken);
        if (stored.IsNew)
            await AuditAsync(AuditActions.LetterTemplateVersionAdded, FolderDeployer, stored.Version.CreatedAt,
                new { template = name, version = stored.Version.Version, sha256 = stored.Version.Sha256, fileName = name + WordExtension, note = stored.Version.Note }, cancellationToken);
        return stored;
    }

    private async Task AuditAsync(string action, string actor, DateTimeOffset at, object data, CancellationToken cancellationToken)
    {
        if (audit is not null)
            await audit.AppendAsync(new AuditEntry { At = at, Actor = actor, Action = action, DataJson = JsonSerializer.Serialize(data) }, cancellationToken);
    }

    private static TemplateCheckResult Refusal(string fileName, string message) => new([], [new TemplateError(fileName, "", "", message)]);
}
