using System.CommandLine;
using System.Runtime.CompilerServices;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Documents.Pdf;

[assembly: InternalsVisibleTo("JcStar.Workflow.Cli.Tests")]

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar render TEMPLATE.docx --data DATA.json --out OUT.docx [--pdf OUT.pdf]</c> and <c>jcstar render --check TEMPLATE.docx</c>.
/// Exit 0 on success, 1 on a template or data error, 2 on bad usage.
/// </summary>
internal static class RenderCommand
{
    private const int Success = 0;
    private const int TemplateOrDataError = 1;
    private const int BadUsage = 2;

    public static Command Create()
    {
        // Options are parsed leniently and checked here, so that every usage mistake gets exit code 2 and one clear line.
        var template = new Argument<string?>("template") { Description = "Word template (.docx)", Arity = ArgumentArity.ZeroOrOne };
        var data = new Option<string?>("--data") { Description = "JSON file with the values the template names", Arity = ArgumentArity.ZeroOrOne };
        var output = new Option<string?>("--out") { Description = "Word file to write", Arity = ArgumentArity.ZeroOrOne };
        var pdf = new Option<string?>("--pdf") { Description = "also write a PDF (LibreOffice)", Arity = ArgumentArity.ZeroOrOne };
        var check = new Option<bool>("--check") { Description = "list every tag and every error of the template, without data" };
        var command = new Command("render", "fill a Word template with JSON data; optionally convert to PDF")
        {
            template, data, output, pdf, check,
        };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, cancellation) => RunAsync(parse, template, data, output, pdf, check, cancellation));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, Argument<string?> templateArgument, Option<string?> dataOption, Option<string?> outOption,
        Option<string?> pdfOption, Option<bool> checkOption, CancellationToken cancellation)
    {
        var stdout = parse.InvocationConfiguration.Output;
        var stderr = parse.InvocationConfiguration.Error;
        int Usage(string message)
        {
            stderr.WriteLine($"jcstar render: {message}");
            stderr.WriteLine("usage: jcstar render TEMPLATE.docx --data DATA.json --out OUT.docx [--pdf OUT.pdf]");
            stderr.WriteLine("       jcstar render --check TEMPLATE.docx");
            return BadUsage;
        }

        if (parse.Errors.Count > 0)
            return Usage(parse.Errors[0].Message);
        if (parse.UnmatchedTokens.Count > 0)
            return Usage($"unexpected '{parse.UnmatchedTokens[0]}'");
        var templatePath = parse.GetValue(templateArgument);
        var dataPath = parse.GetValue(dataOption);
        var outPath = parse.GetValue(outOption);
        var pdfPath = parse.GetValue(pdfOption);
        var checkOnly = parse.GetValue(checkOption);
        if (string.IsNullOrWhiteSpace(templatePath))
            return Usage("the template is missing");
        if (checkOnly && (dataPath is not null || outPath is not null || pdfPath is not null))
            return Usage("--check takes only the template");
        if (!checkOnly && (string.IsNullOrWhiteSpace(dataPath) || string.IsNullOrWhiteSpace(outPath)))
            return Usage("--data and --out are required (or use --check)");
        if (pdfPath is { Length: 0 })
            return Usage("--pdf needs a file name");
        if (!File.Exists(templatePath))
            return Usage($"template not found: {templatePath}");
        if (dataPath is not null && !File.Exists(dataPath))
            return Usage($"data file not found: {dataPath}");

        var options = new DocumentsOptions();
        var engine = new WordTemplateEngine(options);
        try
        {
            var templateBytes = await File.ReadAllBytesAsync(templatePath, cancellation);
            if (checkOnly)
            {
                var result = engine.Check(templateBytes);
                foreach (var tag in result.Tags)
                    stdout.WriteLine($"{tag.Part}\t{tag.Tag}\t{tag.Paragraph}");
                foreach (var error in result.Errors)
                    stderr.WriteLine($"error: {error}");
                stdout.WriteLine($"{result.Tags.Count} tags, {result.Errors.Count} errors");
                return result.IsValid ? Success : TemplateOrDataError;
            }

            if (new FileInfo(dataPath!).Length > options.MaxDataBytes)
            {
                stderr.WriteLine($"error: the data file is larger than {options.MaxDataBytes:N0} bytes (Documents:MaxDataBytes)");
                return TemplateOrDataError;
            }
            var data = TemplateData.FromJson(await File.ReadAllTextAsync(dataPath!, cancellation));
            var document = engine.Render(templateBytes, data);
            await File.WriteAllBytesAsync(outPath!, document, cancellation);
            stdout.WriteLine($"wrote {outPath}");
            if (pdfPath is null)
                return Success;

            await using var converter = new LibreOfficePdfConverter(options.Pdf);
            try
            {
                await File.WriteAllBytesAsync(pdfPath, await converter.ConvertAsync(document, cancellation), cancellation);
            }
            catch (PdfConversionException e)
            {
                stderr.WriteLine($"error: PDF not written ({e.Message}); the Word file {outPath} was written");
                return TemplateOrDataError;
            }
            stdout.WriteLine($"wrote {pdfPath}");
            return Success;
        }
        catch (DocumentTemplateException e)
        {
            foreach (var error in e.Errors)
                stderr.WriteLine($"error: {error}");
            return TemplateOrDataError;
        }
        catch (UnsafeTemplateException e)
        {
            stderr.WriteLine($"error: template refused: {e.Message}");
            return TemplateOrDataError;
        }
    }
}
