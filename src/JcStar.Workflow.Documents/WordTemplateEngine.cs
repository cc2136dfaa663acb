using System.Collections.Concurrent;
using System.Globalization;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Fluid;
using JcStar.Workflow.Documents.Templating;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Documents;

/// <summary>
/// Fills Word templates written with Liquid tags ({{ value }}, {% if %}, {% for %}) from data.
/// A template is checked and compiled once per content hash (unless the cache is off); each render then only evaluates tags and zips.
/// </summary>
public sealed class WordTemplateEngine
{
    private static readonly XNamespace ContentTypesNs = "http://schemas.openxmlformats.org/package/2006/content-types";
    private static readonly string[] TemplatedContentTypes =
    [
        "document.main+xml", "template.main+xml", "header+xml", "footer+xml", "footnotes+xml", "endnotes+xml",
    ];

    private readonly DocumentsOptions _options;
    private readonly PackageGuard _guard;
    private readonly PartCompiler _compiler;
    private readonly TemplateOptions _fluidOptions;
    private readonly ConcurrentDictionary<string, CompiledTemplate> _cache = new(StringComparer.Ordinal);

    public WordTemplateEngine(DocumentsOptions options)
    {
        _options = options;
        _guard = new PackageGuard(options);
        _compiler = new PartCompiler(new TagParser(new FluidParser(new FluidParserOptions { AllowFunctions = false })));
        var zone = TimeZones.Find(options.TimeZone);
        _fluidOptions = new TemplateOptions
        {
            TimeZone = zone,
            CultureInfo = CultureInfo.GetCultureInfo(options.Culture),
            MaxSteps = 0,
        };
        LetterFilters.Register(_fluidOptions.Filters, zone, options.DefaultQrWidthMm);
    }

    /// <summary>SHA-256 of the template bytes, lower-case hex: the cache key and what a <c>CaseDocument</c> records.</summary>
    public static string ContentHash(byte[] template) => Convert.ToHexStringLower(SHA256.HashData(template));

    /// <summary>Lists every tag and every error without data. Unsafe packages still throw <see cref="UnsafeTemplateException"/>.</summary>
    public TemplateCheckResult Check(byte[] template) => Compile(template).Check;

    /// <summary>Renders a .docx. Throws <see cref="DocumentTemplateException"/> naming the tag and place of the first problem.</summary>
    public byte[] Render(byte[] template, TemplateData data)
    {
        var compiled = Compile(template);
        if (!compiled.Check.IsValid)
            throw new DocumentTemplateException(compiled.Check.Errors);

        var context = new RenderContext(_fluidOptions);
        foreach (var (name, value) in data.Root.Members)
            context.SetValue(name, value);
        var session = new RenderSession();
        var rendered = new Dictionary<string, StringBuilder>(compiled.Parts.Count, StringComparer.Ordinal);
        foreach (var (name, part) in compiled.Parts)
        {
            var renderer = new PartRenderer(part, context, session, _options.MaxOutputPartChars);
            renderer.RenderAll(part.Nodes);
            rendered[name] = renderer.Output;
        }
        return Package(compiled, rendered, session, _options.Compression);
    }

    private CompiledTemplate Compile(byte[] template)
    {
        if (template.Length > _options.MaxTemplateBytes)
            throw new UnsafeTemplateException($"the template is {template.Length:N0} bytes; the limit (Documents:MaxTemplateBytes) is {_options.MaxTemplateBytes:N0}");
        var hash = ContentHash(template);
        var caching = _options.CompiledTemplateCacheSize > 0;
        if (caching && _cache.TryGetValue(hash, out var cached))
            return cached;

        var entries = _guard.Read(template);
        var contentTypes = entries.FirstOrDefault(e => e.Name == "[Content_Types].xml")
            ?? throw new UnsafeTemplateException("the template has no [Content_Types].xml; it is not a Word file");
        var templated = TemplatedParts(entries, contentTypes);
        if (!entries.Any(e => templated.Contains(e.Name)))
            throw new UnsafeTemplateException("the template has no Word document part; it is not a .docx");

        var errors = new List<TemplateError>();
        var tags = new List<TemplateTag>();
        var parts = new Dictionary<string, CompiledPart>(StringComparer.Ordinal);
        // The body first, so errors and tags read in the order a person checks a letter.
        foreach (var entry in entries.Where(e => templated.Contains(e.Name)).OrderBy(e => e.Name.Contains("document", StringComparison.Ordinal) ? 0 : 1))
        {
            try
            {
                if (_compiler.Compile(entry.Name, entry.Content, errors, tags) is { } part)
                    parts[entry.Name] = part;
            }
            catch (System.Xml.XmlException e)
            {
                errors.Add(new TemplateError(entry.Name, "", "", $"the part is not well-formed XML: {e.Message}"));
            }
        }

        var compiled = new CompiledTemplate(hash, entries, parts, new TemplateCheckResult(tags, errors));
        if (!caching)
            return compiled;
        if (_cache.Count >= _options.CompiledTemplateCacheSize)
            _cache.Clear();
        _cache[hash] = compiled;
        return compiled;
    }

    /// <summary>
    /// The main document and the headers, footers and notes it points at, found through the relationships
    /// (a package may declare its content types by extension instead of per part) and the content-type overrides.
    /// </summary>
    private static HashSet<string> TemplatedParts(IReadOnlyList<PackageEntry> entries, PackageEntry contentTypes)
    {
        var parts = WordXml.Load(contentTypes.Content).Root!.Elements(ContentTypesNs + "Override")
            .Where(o => TemplatedContentTypes.Any(t => ((string?)o.Attribute("ContentType") ?? "").EndsWith(t, StringComparison.Ordinal)))
            .Select(o => ((string)o.Attribute("PartName")!).TrimStart('/'))
            .ToHashSet(StringComparer.Ordinal);
        var byName = entries.ToDictionary(e => e.Name, StringComparer.Ordinal);
        foreach (var main in Targets(byName, "_rels/.rels", "", "/officeDocument"))
        {
            parts.Add(main);
            var folder = main.Contains('/') ? main[..(main.LastIndexOf('/') + 1)] : "";
            foreach (var kind in new[] { "/header", "/footer", "/footnotes", "/endnotes" })
                parts.UnionWith(Targets(byName, RelsName(main), folder, kind));
        }
        return parts;
    }

    private static IEnumerable<string> Targets(Dictionary<string, PackageEntry> byName, string relsName, string folder, string typeSuffix)
    {
        if (!byName.TryGetValue(relsName, out var rels))
            return [];
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/relationships";
        return WordXml.Load(rels.Content).Root!.Elements(ns + "Relationship")
            .Where(r => ((string?)r.Attribute("Type") ?? "").EndsWith(typeSuffix, StringComparison.Ordinal) && (string?)r.Attribute("TargetMode") != "External")
            .Select(r => (string)r.Attribute("Target")!)
            .Select(t => t.StartsWith('/') ? t.TrimStart('/') : folder + t)
            .ToList();
    }

    private static byte[] Package(CompiledTemplate compiled, Dictionary<string, StringBuilder> rendered, RenderSession session, CompressionLevel level)
    {
        var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        var imagesByRels = session.Images.GroupBy(i => RelsName(i.Part)).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
        using var buffer = new MemoryStream(256 * 1024);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true, utf8))
        {
            foreach (var entry in compiled.Entries)
            {
                if (rendered.TryGetValue(entry.Name, out var xml))
                {
                    using var writer = new StreamWriter(zip.CreateEntry(entry.Name, level).Open(), utf8, 64 * 1024);
                    writer.Write(xml);
                }
                else if (session.Images.Count > 0 && entry.Name == "[Content_Types].xml")
                    Write(zip, level, entry.Name, utf8.GetBytes(AddImageTypes(utf8.GetString(entry.Content), session.Images)));
                else if (imagesByRels.Remove(entry.Name, out var images))
                    Write(zip, level, entry.Name, utf8.GetBytes(AddRelationships(utf8.GetString(entry.Content), images)));
                else
                    Write(zip, level, entry.Name, entry.Content);
            }
            foreach (var (rels, images) in imagesByRels)
                Write(zip, level, rels, utf8.GetBytes(AddRelationships(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"></Relationships>", images)));
            foreach (var image in session.Images)
            {
                // Images are already compressed; deflating them again costs time for nothing.
                using var stream = zip.CreateEntry(image.EntryName, CompressionLevel.NoCompression).Open();
                stream.Write(image.Image.Bytes);
            }
        }
        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, CompressionLevel level, string name, byte[] content)
    {
        using var stream = zip.CreateEntry(name, level).Open();
        stream.Write(content);
    }

    private static string RelsName(string part)
    {
        var slash = part.LastIndexOf('/');
        return slash < 0 ? "_rels/" + part + ".rels" : part[..slash] + "/_rels/" + part[(slash + 1)..] + ".rels";
    }

    private static string AddRelationships(string rels, List<AddedImage> images)
    {
        var end = rels.LastIndexOf("</Relationships>", StringComparison.Ordinal);
        var added = string.Concat(images.Select(i =>
            $"<Relationship Id=\"{i.RelationshipId}\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/image\" Target=\"{i.Target}\"/>"));
        return rels[..end] + added + rels[end..];
    }

    private static string AddImageTypes(string types, List<AddedImage> images)
    {
        var insert = new StringBuilder();
        foreach (var image in images.DistinctBy(i => i.Image.Extension))
        {
            if (!types.Contains($"Extension=\"{image.Image.Extension}\"", StringComparison.OrdinalIgnoreCase))
                insert.Append($"<Default Extension=\"{image.Image.Extension}\" ContentType=\"{image.Image.ContentType}\"/>");
        }
        var at = types.IndexOf("<Default", StringComparison.Ordinal);
        if (at < 0)
            at = types.IndexOf("<Override", StringComparison.Ordinal);
        return at < 0 ? types : types[..at] + insert + types[at..];
    }
}
