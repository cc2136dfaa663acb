namespace JcStar.Workflow.Documents;

/// <summary>
/// Settings of the "Documents" configuration section. Every limit, path and timeout lives here so an
/// operator can change it; the values below are only the defaults.
/// </summary>
public sealed record DocumentsOptions
{
    public const string SectionName = "Documents";

    /// <summary>Folder holding the letter templates (<c>&lt;name&gt;.docx</c>).</summary>
    public string TemplatesRoot { get; init; } = "templates";

    /// <summary>Where rendered documents are kept: "Files" (under <see cref="StoreRoot"/>) or "Database" (the workflow database, shared by every node).</summary>
    public string Store { get; init; } = "Files";

    /// <summary>Whether <see cref="Store"/> names the workflow database (the other choice is Files).</summary>
    public bool StoresInDatabase => string.Equals(Store, "Database", StringComparison.OrdinalIgnoreCase);

    /// <summary>Folder where the file-system document store keeps rendered documents.</summary>
    public string StoreRoot { get; init; } = "data/documents";

    /// <summary>A template larger than this is refused before it is opened.</summary>
    public long MaxTemplateBytes { get; init; } = 20 * 1024 * 1024;

    /// <summary>Data (JSON) larger than this is refused.</summary>
    public long MaxDataBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Zip-bomb guard: most entries a template package may have.</summary>
    public int MaxZipEntries { get; init; } = 1000;

    /// <summary>Zip-bomb guard: most bytes all entries may inflate to, as declared and as actually read.</summary>
    public long MaxUncompressedBytes { get; init; } = 200L * 1024 * 1024;

    /// <summary>Zip-bomb guard: highest uncompressed/compressed ratio of an entry larger than <see cref="RatioCheckMinimumBytes"/>.</summary>
    public double MaxCompressionRatio { get; init; } = 200;

    /// <summary>Entries smaller than this are not ratio-checked (tiny XML parts compress extremely well).</summary>
    public long RatioCheckMinimumBytes { get; init; } = 1024 * 1024;

    /// <summary>A rendered part larger than this stops the render (runaway loops, hostile data).</summary>
    public long MaxOutputPartChars { get; init; } = 100L * 1024 * 1024;

    /// <summary>Hyperlinks are external relationships too; they are refused unless an operator allows them.</summary>
    public bool AllowExternalHyperlinks { get; init; }

    /// <summary>How many compiled templates (keyed by content hash) stay in memory; 0 opens, checks and compiles the template on every render.</summary>
    public int CompiledTemplateCacheSize { get; init; } = 64;

    /// <summary>Deflate level of the rendered .docx's XML parts: Fastest (zlib level 1), Optimal (level 6, zlib's and JSZip's default) or SmallestSize (9).</summary>
    public System.IO.Compression.CompressionLevel Compression { get; init; } = System.IO.Compression.CompressionLevel.Fastest;

    /// <summary>Time zone in which dates in letters are written (date and wareki filters).</summary>
    public string TimeZone { get; init; } = "Asia/Tokyo";

    /// <summary>Culture of dates and names written by Liquid filters (e.g. %a in a date format).</summary>
    public string Culture { get; init; } = "ja-JP";

    /// <summary>Image width used by the qr filter when the template gives none.</summary>
    public double DefaultQrWidthMm { get; init; } = 25;

    public PdfOptions Pdf { get; init; } = new();
}
