using System.IO.Compression;
using System.Xml.Linq;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>
/// Opens a .docx only after checking what a hostile file could do: sizes and ratios from the central
/// directory before anything is inflated, then the actual inflated sizes (the directory can lie),
/// then macros and external relationships.
/// </summary>
internal sealed class PackageGuard(DocumentsOptions options)
{
    private static readonly XNamespace Rels = "http://schemas.openxmlformats.org/package/2006/relationships";
    private const string HyperlinkType = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    public IReadOnlyList<PackageEntry> Read(byte[] package)
    {
        if (package.Length > options.MaxTemplateBytes)
            throw new UnsafeTemplateException($"the template is {package.Length:N0} bytes; the limit (Documents:MaxTemplateBytes) is {options.MaxTemplateBytes:N0}");

        ZipArchive archive;
        try
        {
            archive = new ZipArchive(new MemoryStream(package, writable: false), ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnsafeTemplateException($"the template is not a Word file (.docx is a zip package): {e.Message}");
        }

        using (archive)
        {
            CheckDirectory(archive);
            var entries = new List<PackageEntry>(archive.Entries.Count);
            long total = 0;
            foreach (var entry in archive.Entries)
            {
                if (entry.FullName.EndsWith('/'))
                    continue;
                var content = Inflate(entry, options.MaxUncompressedBytes - total);
                total += content.Length;
                entries.Add(new PackageEntry(entry.FullName, content));
            }
            CheckContent(entries);
            return entries;
        }
    }

    private void CheckDirectory(ZipArchive archive)
    {
        if (archive.Entries.Count > options.MaxZipEntries)
            throw new UnsafeTemplateException($"the template package has {archive.Entries.Count:N0} entries; the limit (Documents:MaxZipEntries) is {options.MaxZipEntries:N0}");
        long declared = 0;
        foreach (var entry in archive.Entries)
        {
            declared += entry.Length;
            if (declared > options.MaxUncompressedBytes)
                throw new UnsafeTemplateException($"the template package inflates to more than {options.MaxUncompressedBytes:N0} bytes (Documents:MaxUncompressedBytes); refused as a possible zip bomb");
            if (entry.Length >= options.RatioCheckMinimumBytes)
            {
                var ratio = entry.Length / (double)Math.Max(1, entry.CompressedLength);
                if (ratio > options.MaxCompressionRatio)
                    throw new UnsafeTemplateException($"entry {entry.FullName} compresses {ratio:N0}:1, above the limit {options.MaxCompressionRatio:N0}:1 (Documents:MaxCompressionRatio); refused as a possible zip bomb");
            }
        }
    }

    private static byte[] Inflate(ZipArchiveEntry entry, long budget)
    {
        // Read at most one byte past what the directory declares, so a lying header cannot make us inflate without bound.
        var limit = Math.Min(entry.Length, budget);
        using var stream = entry.Open();
        var buffer = new byte[limit + 1];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = stream.Read(buffer, read, buffer.Length - read)) > 0)
            read += n;
        if (read > entry.Length || read > limit)
            throw new UnsafeTemplateException($"entry {entry.FullName} inflates to more than its declared or allowed size; refused as a possible zip bomb");
        return read == buffer.Length ? buffer : buffer.AsSpan(0, read).ToArray();
    }

    private void CheckContent(List<PackageEntry> entries)
    {
        foreach (var entry in entries)
        {
            var name = entry.Name;
            if (name.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase) || name.EndsWith("vbaData.xml", StringComparison.OrdinalIgnoreCase))
                throw new UnsafeTemplateException($"the template contains macros ({name}); macro-enabled documents (.docm) are refused");
            if (name.Equals("[Content_Types].xml", StringComparison.OrdinalIgnoreCase))
                CheckContentTypes(entry);
            else if (name.EndsWith(".rels", StringComparison.OrdinalIgnoreCase))
                CheckRelationships(entry);
        }
    }

    private static void CheckContentTypes(PackageEntry entry)
    {
        var types = WordXml.Load(entry.Content);
        foreach (var element in types.Root!.Elements())
        {
            var type = (string?)element.Attribute("ContentType") ?? "";
            if (type.Contains("macroEnabled", StringComparison.OrdinalIgnoreCase) || type.Contains("vbaProject", StringComparison.OrdinalIgnoreCase))
                throw new UnsafeTemplateException($"the template declares macro content ({type}); macro-enabled documents (.docm) are refused");
        }
    }

    private void CheckRelationships(PackageEntry entry)
    {
        var rels = WordXml.Load(entry.Content);
        foreach (var rel in rels.Root!.Elements(Rels + "Relationship"))
        {
            if (!string.Equals((string?)rel.Attribute("TargetMode"), "External", StringComparison.OrdinalIgnoreCase))
                continue;
            var type = (string?)rel.Attribute("Type") ?? "";
            if (options.AllowExternalHyperlinks && type == HyperlinkType)
                continue;
            var kind = type[(type.LastIndexOf('/') + 1)..];
            throw new UnsafeTemplateException(
                $"{entry.Name} has an external relationship ({kind} -> {(string?)rel.Attribute("Target")}); templates may not load anything from outside (attached templates, remote images, links)");
        }
    }
}
