using System.CommandLine;
using System.IO.Compression;
using System.Text;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Cli.Tests;

public sealed class RenderCommandTests
{
    private static readonly string Templates = RepositoryPaths.InRepo("templates");
    private readonly string _temp = Directory.CreateTempSubdirectory("jcstar-render-").FullName;

    private static async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var root = new RootCommand { JcStar.Workflow.Cli.RenderCommand.Create() };
        var exit = await root.Parse(["render", .. args]).InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, TestContext.Current.CancellationToken);
        return (exit, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Render_fills_a_template_from_JSON_and_writes_a_Word_file_with_a_Japanese_name()
    {
        var target = Path.Combine(_temp, "適合ラベル交付通知書.docx");
        var (exit, _, err) = await Run(Path.Combine(Templates, "grant-notice.docx"), "--data", Path.Combine(Templates, "grant-notice.example.json"), "--out", target);
        Assert.True(exit == 0, err);
        using var document = WordprocessingDocument.Open(target, false);
        var text = document.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("適合ラベル交付通知書", text);
        Assert.Contains("JC-2026-000123", text);
        Assert.Contains("令和10年11月24日", text);
    }

    [Fact]
    public async Task Check_lists_the_tags_of_a_template_and_exits_0()
    {
        var (exit, output, _) = await Run("--check", Path.Combine(Templates, "grant-notice.docx"));
        Assert.Equal(0, exit);
        Assert.Contains("word/document.xml\t{{ registrationNumber }}", output);
        Assert.Contains("word/header1.xml\t{{ office.organization }}", output);
        Assert.Contains("0 errors", output);
    }

    [Fact]
    public async Task Check_reports_every_error_with_its_place_and_exits_1()
    {
        var broken = Path.Combine(_temp, "broken.docx");
        await File.WriteAllBytesAsync(broken, MinimalDocx("<w:p><w:r><w:t>{{ name </w:t></w:r></w:p><w:p><w:r><w:t>{% endif %}</w:t></w:r></w:p>"), TestContext.Current.CancellationToken);
        var (exit, _, err) = await Run("--check", broken);
        Assert.Equal(1, exit);
        Assert.Contains("word/document.xml", err);
        Assert.Contains("not closed", err);
        Assert.Contains("no opening tag", err);
    }

    [Fact]
    public async Task Missing_data_exits_1_naming_the_tag_and_writes_nothing()
    {
        var target = Path.Combine(_temp, "out.docx");
        var data = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Cli.Tests", "Fixtures", "render", "grant-notice.missing-registration.json");
        var (exit, _, err) = await Run(Path.Combine(Templates, "grant-notice.docx"), "--data", data, "--out", target);
        Assert.Equal(1, exit);
        Assert.Contains("{{ registrationNumber }}", err);
        Assert.Contains("'registrationNumber' is not in the data", err);
        Assert.False(File.Exists(target));
    }

    [Fact]
    public async Task A_macro_template_is_refused_with_exit_1()
    {
        var docm = Path.Combine(_temp, "macro.docx");
        await File.WriteAllBytesAsync(docm, MinimalDocx("<w:p/>", "word/vbaProject.bin"), TestContext.Current.CancellationToken);
        var (exit, _, err) = await Run("--check", docm);
        Assert.Equal(1, exit);
        Assert.Contains("macro", err);
    }

    [Theory]
    [InlineData("")]
    [InlineData("only-template.docx")]
    [InlineData("--check")]
    [InlineData("--bogus x.docx")]
    [InlineData("missing.docx --data d.json --out o.docx")]
    [InlineData("--check x.docx --data d.json")]
    public async Task Bad_usage_exits_2_with_a_usage_line(string commandLine)
    {
        var (exit, _, err) = await Run(commandLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(2, exit);
        Assert.Contains("usage: jcstar render", err);
    }

    [Fact]
    public async Task Render_with_pdf_writes_both_files_when_LibreOffice_is_present()
    {
        RequiredComponent.SkipOrFailWhenAbsent(RequiredComponent.IsOnPath("soffice"), "LibreOffice", "apt-get install libreoffice-writer-nogui python3-uno");
        var docx = Path.Combine(_temp, "申請受理票.docx");
        var pdf = Path.Combine(_temp, "申請受理票.pdf");
        var (exit, _, err) = await Run(Path.Combine(Templates, "acceptance-form.docx"), "--data", Path.Combine(Templates, "acceptance-form.example.json"), "--out", docx, "--pdf", pdf);
        Assert.True(exit == 0, err);
        Assert.True(File.Exists(docx));
        Assert.Equal("%PDF", Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 4));
    }

    private static byte[] MinimalDocx(string body, string? extraEntry = null)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
                writer.Write(text);
            }
            Add("[Content_Types].xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add("_rels/.rels", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add("word/document.xml", $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>");
            if (extraEntry is not null)
                Add(extraEntry, "x");
        }
        return buffer.ToArray();
    }
}
