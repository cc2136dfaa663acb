using System.Diagnostics;
using JcStar.Workflow.Documents.Pdf;
using JcStar.Workflow.Testing;
using Xunit;
using static JcStar.Workflow.Documents.Tests.TestDocx;

namespace JcStar.Workflow.Documents.Tests;

public sealed class PdfConversionTests
{
    private const string Mincho = "<w:rFonts w:ascii=\"ＭＳ 明朝\" w:hAnsi=\"ＭＳ 明朝\" w:eastAsia=\"ＭＳ 明朝\"/>";

    private static void RequireLibreOffice()
    {
        var present = LibreOfficePdfConverter.IsAvailable(new PdfOptions()) && RequiredComponent.IsOnPath("pdffonts") && RequiredComponent.IsOnPath("pdftotext");
        RequiredComponent.SkipOrFailWhenAbsent(present, "LibreOffice", "apt-get install libreoffice-writer-nogui python3-uno poppler-utils fonts-noto-cjk fonts-ipafont-mincho");
    }

    [Fact]
    public async Task A_Japanese_letter_in_MS_Mincho_becomes_a_PDF_with_embedded_CJK_fonts_and_its_text()
    {
        RequireLibreOffice();
        var docx = new WordTemplateEngine(new DocumentsOptions()).Render(
            Create(P(R("適合ラベル交付通知書", Mincho)) + P(R("{{ name }} 殿", Mincho))), TemplateData.FromJson("""{"name":"株式会社サンプル電機"}"""));
        await using var converter = new LibreOfficePdfConverter(new PdfOptions());
        var pdf = await converter.ConvertAsync(docx, TestContext.Current.CancellationToken);

        var file = Path.Combine(Directory.CreateTempSubdirectory("jcstar-pdf-test-").FullName, "letter.pdf");
        await File.WriteAllBytesAsync(file, pdf, TestContext.Current.CancellationToken);
        var fonts = Run("pdffonts", file);
        var cjk = fonts.Split('\n').Where(l => l.Contains("IPA", StringComparison.Ordinal) || l.Contains("CJK", StringComparison.Ordinal)).ToList();
        Assert.True(cjk.Count > 0, "no CJK font in the PDF:\n" + fonts);
        Assert.All(cjk, line => Assert.Contains(" yes ", line));
        var text = Run("pdftotext", file, "-");
        Assert.Contains("適合ラベル交付通知書", text);
        Assert.Contains("株式会社サンプル電機 殿", text);
    }

    [Fact]
    public async Task The_converter_restarts_LibreOffice_when_it_has_died()
    {
        RequireLibreOffice();
        var docx = Create(P(R("再起動テスト", Mincho)));
        await using var converter = new LibreOfficePdfConverter(new PdfOptions());
        await converter.ConvertAsync(docx, TestContext.Current.CancellationToken);
        var first = converter.OfficeProcessId!.Value;
        using (var office = Process.GetProcessById(first))
        {
            office.Kill(entireProcessTree: true);
            await office.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        var pdf = await converter.ConvertAsync(docx, TestContext.Current.CancellationToken);
        Assert.StartsWith("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        Assert.NotEqual(first, converter.OfficeProcessId);
    }

    [Fact]
    public async Task Without_LibreOffice_a_PDF_request_fails_with_a_clear_message()
    {
        await using var converter = new LibreOfficePdfConverter(new PdfOptions { SofficePath = "/nonexistent/soffice" });
        var error = await Assert.ThrowsAsync<PdfConversionException>(() => converter.ConvertAsync(Create(P(R("x"))), TestContext.Current.CancellationToken));
        Assert.Contains("not installed", error.Message);
    }

    private static string Run(string tool, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, args) { RedirectStandardOutput = true })!;
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
    }
}
