using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Fluid;
using Fluid.Values;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Mail;

/// <summary>
/// The Liquid templates under <see cref="MailOptions.TemplateFolder"/>: one folder per notice holding
/// subject.liquid, body.txt.liquid and optionally body.html.liquid. Parsed templates are cached and
/// re-read when the file changes, so staff can correct wording without a restart.
/// </summary>
public sealed partial class MailTemplateLibrary
{
    public const string SubjectFile = "subject.liquid";
    public const string TextBodyFile = "body.txt.liquid";
    public const string HtmlBodyFile = "body.html.liquid";

    private static readonly FluidParser Parser = new();

    // HTML-escape markup characters but leave Japanese as it is: &#x5BE9; for every kanji helps no one.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly ConcurrentDictionary<string, (DateTime Written, IFluidTemplate Template)> _parsed = new(StringComparer.Ordinal);
    private readonly MailOptions _options;
    private readonly TemplateOptions _templateOptions;

    public MailTemplateLibrary(MailOptions options, TimeProvider time)
    {
        _options = options;
        _templateOptions = new TemplateOptions
        {
            CultureInfo = CultureInfo.GetCultureInfo(options.TemplateCulture),
            TimeZone = TimeZones.Find(options.TemplateTimeZone),
            Now = time.GetUtcNow,
            StrictVariables = options.StrictTemplateVariables,
            StrictFilters = true,
        };
        _templateOptions.Filters.AddFilter("present", Present);
    }

    /// <summary>The folder names that hold a subject and a text body.</summary>
    public IReadOnlyList<string> Names() =>
        Directory.Exists(_options.TemplateFolder)
            ? Directory.EnumerateDirectories(_options.TemplateFolder)
                .Where(d => File.Exists(Path.Combine(d, SubjectFile)) && File.Exists(Path.Combine(d, TextBodyFile)))
                .Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];

    public RenderedMail Render(string templateName, IReadOnlyDictionary<string, JsonElement> variables)
    {
        if (!TemplateName().IsMatch(templateName))
            throw new ArgumentException($"'{templateName}' is not a mail template name (lower-case letters, digits, '-' and '_').", nameof(templateName));
        var folder = Path.Combine(_options.TemplateFolder, templateName);
        if (!Directory.Exists(folder))
            throw new FileNotFoundException($"mail template '{templateName}' not found under {_options.TemplateFolder}", folder);

        var context = new TemplateContext(_templateOptions);
        foreach (var (name, value) in variables)
            context.SetValue(name, ToPlain(value));

        try
        {
            // A subject is one line; a stray newline in a template must not become a header fold.
            var subject = string.Join(' ', Load(folder, SubjectFile)!.Render(context, NullEncoder.Default)
                .Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            var text = Load(folder, TextBodyFile)!.Render(context, NullEncoder.Default);
            var html = Load(folder, HtmlBodyFile, optional: true)?.Render(context, Html);
            return new RenderedMail(subject, text, html);
        }
        catch (FluidException e)
        {
            throw new InvalidOperationException($"mail template '{templateName}' cannot be rendered: {e.Message}", e);
        }
    }

    private IFluidTemplate? Load(string folder, string file, bool optional = false)
    {
        var path = Path.Combine(folder, file);
        if (!File.Exists(path))
            return optional ? null : throw new FileNotFoundException($"mail template file missing: {path}", path);
        var written = File.GetLastWriteTimeUtc(path);
        if (_parsed.TryGetValue(path, out var cached) && cached.Written == written)
            return cached.Template;
        if (!Parser.TryParse(File.ReadAllText(path), out var template, out var error))
            throw new InvalidOperationException($"mail template {path} does not parse: {error}");
        _parsed[path] = (written, template);
        return template;
    }

    /// <summary>
    /// <c>{% assign hasReasons = "reasons" | present %}{% if hasReasons %}…{% endif %}</c>: true when the variable
    /// named by the dotted path (<c>"applicant.contactName"</c>) exists and is not null, blank or an empty list.
    /// Under <see cref="MailOptions.StrictTemplateVariables"/> Liquid's own <c>{% if reasons %}</c> fails on a variable
    /// the case lacks (and on null), so a template tests an optional field by name with this filter; Liquid allows no
    /// filter inside <c>if</c>, hence the <c>assign</c>.
    /// </summary>
    private static async ValueTask<FluidValue> Present(FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        var path = input.ToStringValue().Split('.', StringSplitOptions.TrimEntries);
        if (path.Length == 0 || path.Any(p => p.Length == 0))
            return BooleanValue.False;
        var value = context.GetValue(path[0]);
        foreach (var member in path.Skip(1))
        {
            if (value is UndefinedValue || value.IsNil())
                return BooleanValue.False;
            value = await value.GetValueAsync(member, context);
        }
        return BooleanValue.Create(value switch
        {
            UndefinedValue => false,
            _ when value.IsNil() => false,
            StringValue s => !string.IsNullOrWhiteSpace(s.ToStringValue()),
            ArrayValue a => a.Values.Count > 0,
            _ => true,
        });
    }

    /// <summary>Case variables arrive as JSON; Liquid wants dictionaries, lists and plain values.</summary>
    private static object? ToPlain(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
            JsonValueKind.Array => value.EnumerateArray().Select(ToPlain).ToList(),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.TryGetDecimal(out var d) ? d : value.GetDouble(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        };

    [GeneratedRegex("^[a-z0-9][a-z0-9_-]*$")]
    private static partial Regex TemplateName();
}
