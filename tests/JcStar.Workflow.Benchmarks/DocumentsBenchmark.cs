using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Pdf;

namespace JcStar.Workflow.Benchmarks;

/// <summary>
/// documents TEMPLATE.liquid.docx DATA.json [N]: renders the template with its data N times, twice, and
/// prints one line per path: "uncached" (every render opens, checks and compiles the template, fills it and
/// zips it, as the peer does per document) and "cached" (the compiled template kept by content hash, our
/// steady state: fill and zip only). Both zip at zlib's default level 6, as the peer's JSZip does; each line
/// gives docs_per_s and the output size.
/// documents --pdf TEMPLATE.docx DATA.json [N]: renders the letter once, then times N warm PDF conversions; prints the median seconds.
/// </summary>
public sealed class DocumentsBenchmark : IBenchmark
{
    public string Name => "documents";

    public async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 3 && args[0] == "--pdf")
            return await PdfAsync(args[1], args[2], args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20);
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: documents TEMPLATE.liquid.docx DATA.json [N=500] | documents --pdf TEMPLATE.docx DATA.json [N=20]");
            return 2;
        }
        var n = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500;
        var template = await File.ReadAllBytesAsync(args[0]);
        var data = TemplateData.FromJson(await File.ReadAllTextAsync(args[1]));
        foreach (var (path, cacheSize) in new[] { ("uncached", 0), ("cached", 64) })
        {
            var engine = new WordTemplateEngine(new DocumentsOptions { CompiledTemplateCacheSize = cacheSize, Compression = CompressionLevel.Optimal });
            var bytes = 0;
            for (var i = 0; i < 20; i++)
                bytes = engine.Render(template, data).Length;

            var latencies = new double[n];
            var total = Stopwatch.StartNew();
            for (var i = 0; i < n; i++)
            {
                var one = Stopwatch.StartNew();
                engine.Render(template, data);
                latencies[i] = one.Elapsed.TotalMilliseconds;
            }
            total.Stop();
            Array.Sort(latencies);
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["renderer"] = "jcstar-documents",
                ["path"] = path,
                ["compression"] = "deflate level 6 (CompressionLevel.Optimal)",
                ["template"] = args[0],
                ["iterations"] = n,
                ["docs_per_s"] = Math.Round(n / total.Elapsed.TotalSeconds, 1),
                ["ms_p50"] = Math.Round(latencies[n / 2], 2),
                ["ms_p95"] = Math.Round(latencies[(int)(n * 0.95)], 2),
                ["output_bytes"] = bytes,
                ["rss_MB"] = Environment.WorkingSet / 1048576,
            }));
        }
        return 0;
    }

    private static async Task<int> PdfAsync(string letter, string dataFile, int n)
    {
        var docx = new WordTemplateEngine(new DocumentsOptions()).Render(await File.ReadAllBytesAsync(letter), TemplateData.FromJson(await File.ReadAllTextAsync(dataFile)));
        await using var converter = new LibreOfficePdfConverter(new PdfOptions());
        try
        {
            await converter.ConvertAsync(docx); // start LibreOffice: not part of the warm figure
        }
        catch (PdfConversionException e)
        {
            Console.Error.WriteLine("documents --pdf: " + e.Message);
            return 1;
        }
        var seconds = new double[n];
        for (var i = 0; i < n; i++)
        {
            var one = Stopwatch.StartNew();
            await converter.ConvertAsync(docx);
            seconds[i] = one.Elapsed.TotalSeconds;
        }
        Array.Sort(seconds);
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["converter"] = "libreoffice-warm",
            ["document"] = letter,
            ["iterations"] = n,
            ["pages"] = CountPages(await converter.ConvertAsync(docx)),
            ["median_s"] = Math.Round(seconds[n / 2], 3),
            ["max_s"] = Math.Round(seconds[^1], 3),
        }));
        return 0;
    }

    // Each page object carries "/Type /Page" (the tree root says "/Type /Pages").
    private static int CountPages(byte[] pdf) =>
        System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count;
}
