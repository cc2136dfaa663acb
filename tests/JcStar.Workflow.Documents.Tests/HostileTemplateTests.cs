using System.IO.Compression;
using Xunit;
using static JcStar.Workflow.Documents.Tests.TestDocx;

namespace JcStar.Workflow.Documents.Tests;

public sealed class HostileTemplateTests
{
    private static WordTemplateEngine Engine(DocumentsOptions? options = null) => new(options ?? new DocumentsOptions());

    [Fact]
    public void A_macro_template_is_refused()
    {
        var template = Create(P(R("x")),
            extraContentTypes: "<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>",
            extraRelationships: "<Relationship Id=\"rIdVba\" Type=\"http://schemas.microsoft.com/office/2006/relationships/vbaProject\" Target=\"vbaProject.bin\"/>",
            extraEntries: [("word/vbaProject.bin", new byte[] { 1, 2, 3 })]);
        var error = Assert.Throws<UnsafeTemplateException>(() => Engine().Check(template));
        Assert.Contains("macro", error.Message);
    }

    [Fact]
    public void A_docm_content_type_is_refused_even_without_the_macro_part()
    {
        var docm = Create(P(R("x"))).Replace("document.main+xml", "document.macroEnabled.main+xml");
        Assert.Contains("macro", Assert.Throws<UnsafeTemplateException>(() => Engine().Check(docm)).Message);
    }

    [Theory]
    [InlineData("attachedTemplate", "http://evil.example/t.dotm")]
    [InlineData("image", "http://evil.example/pixel.png")]
    [InlineData("hyperlink", "https://www.ipa.go.jp/")]
    public void An_external_relationship_is_refused(string type, string target)
    {
        var template = Create(P(R("x")), extraRelationships:
            $"<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/{type}\" Target=\"{target}\" TargetMode=\"External\"/>");
        var error = Assert.Throws<UnsafeTemplateException>(() => Engine().Check(template));
        Assert.Contains("external relationship", error.Message);
        Assert.Contains(target, error.Message);
    }

    [Fact]
    public void A_hyperlink_is_accepted_when_the_operator_allows_it()
    {
        var template = Create(P(R("x")), extraRelationships:
            "<Relationship Id=\"rIdX\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"https://www.ipa.go.jp/\" TargetMode=\"External\"/>");
        Assert.True(Engine(new DocumentsOptions { AllowExternalHyperlinks = true }).Check(template).IsValid);
    }

    [Fact]
    public void A_zip_bomb_is_refused_before_it_is_inflated()
    {
        // 64 MB of zeros deflates to about 64 KB: a ratio near 1000:1.
        var template = Create(P(R("x")), extraEntries: [("word/media/zeros.bin", new byte[64 * 1024 * 1024])]);
        var error = Assert.Throws<UnsafeTemplateException>(() => Engine().Check(template));
        Assert.Contains("zip bomb", error.Message);
    }

    [Fact]
    public void Too_many_entries_and_too_much_uncompressed_data_are_refused()
    {
        var many = Create(P(R("x")), extraEntries: Enumerable.Range(0, 20).Select(i => ($"customXml/item{i}.xml", new byte[] { 60, 97, 47, 62 })));
        Assert.Contains("entries", Assert.Throws<UnsafeTemplateException>(() => Engine(new DocumentsOptions { MaxZipEntries = 10 }).Check(many)).Message);
        var big = Create(P(R("x")), extraEntries: [("word/media/noise.bin", System.Security.Cryptography.RandomNumberGenerator.GetBytes(200_000))]);
        Assert.Contains("zip bomb", Assert.Throws<UnsafeTemplateException>(() => Engine(new DocumentsOptions { MaxUncompressedBytes = 100_000 }).Check(big)).Message);
    }

    [Fact]
    public void An_oversized_template_and_a_non_zip_file_are_refused()
    {
        Assert.Contains("limit", Assert.Throws<UnsafeTemplateException>(() => Engine(new DocumentsOptions { MaxTemplateBytes = 100 }).Check(Create(P(R("x"))))).Message);
        Assert.Contains("not a Word file", Assert.Throws<UnsafeTemplateException>(() => Engine().Check("これはWordではありません"u8.ToArray())).Message);
    }

    [Fact]
    public void A_part_with_a_DTD_is_refused()
    {
        var template = Create(P(R("{{ x }}")));
        var patched = Rewrite(template, "word/document.xml", xml => xml.Replace("<w:document ", "<!DOCTYPE w:document [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><w:document "));
        var result = Engine().Check(patched);
        Assert.Contains("DTD", Assert.Single(result.Errors).Message);
    }

    private static byte[] Rewrite(byte[] docx, string entryName, Func<string, string> change)
    {
        using var buffer = new MemoryStream();
        buffer.Write(docx);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry(entryName)!;
            string text;
            using (var reader = new StreamReader(entry.Open()))
                text = reader.ReadToEnd();
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry(entryName).Open());
            writer.Write(change(text));
        }
        return buffer.ToArray();
    }
}
