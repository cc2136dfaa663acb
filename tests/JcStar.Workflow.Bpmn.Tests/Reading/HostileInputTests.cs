using System.Text;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Reading;

public sealed class HostileInputTests
{
    private const string Definitions = """<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t">""";

    [Fact]
    public void An_external_entity_is_refused_before_anything_is_resolved()
    {
        var xml = """
            <?xml version="1.0"?>
            <!DOCTYPE definitions [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="t"><process id="p" name="&xxe;"/></definitions>
            """;
        var result = BpmnReader.Read(xml, "xxe.bpmn");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.DtdNotAllowed, error.Code);
        Assert.Equal("xxe.bpmn:2: -: DTDs are not allowed (XXE/entity expansion): remove the <!DOCTYPE …> declaration", error.ToString());
        Assert.Null(result.Document);
    }

    [Fact]
    public void A_billion_laughs_document_is_refused_without_expanding_anything()
    {
        var doctype = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (var i = 1; i < 10; i++)
            doctype.Append($"<!ENTITY lol{i} \"{string.Concat(Enumerable.Repeat($"&lol{(i == 1 ? "" : (i - 1).ToString())};", 10))}\">");
        doctype.Append("]>");
        var xml = doctype + "\n" + Definitions + "<documentation>&lol9;</documentation></definitions>";
        var result = BpmnReader.Read(xml, "lol.bpmn");
        Assert.Equal(DiagnosticCodes.DtdNotAllowed, Assert.Single(result.Diagnostics).Code);
    }

    [Fact]
    public void A_document_over_the_size_limit_is_refused_by_both_entry_points()
    {
        var xml = Definitions + "<documentation>" + new string('x', 5000) + "</documentation></definitions>";
        var options = new BpmnReaderOptions { MaxCharactersInDocument = 1000 };
        Assert.Equal(DiagnosticCodes.TooLarge, Assert.Single(BpmnReader.Read(xml, "big.bpmn", options).Diagnostics).Code);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(xml));
        Assert.Equal(DiagnosticCodes.TooLarge, Assert.Single(BpmnReader.Read(stream, "big.bpmn", options).Diagnostics).Code);
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_with_the_line()
    {
        var xml = Definitions + "\n<extensionElements>" + string.Concat(Enumerable.Repeat("<x:a xmlns:x=\"urn:x\">", 300)) + string.Concat(Enumerable.Repeat("</x:a>", 300)) + "</extensionElements></definitions>";
        var error = Assert.Single(BpmnReader.Read(xml, "deep.bpmn").Diagnostics);
        Assert.Equal(DiagnosticCodes.TooDeep, error.Code);
        Assert.Equal(2, error.Line);
        Assert.Contains("256", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<definitions")]
    [InlineData("<a></b>")]
    [InlineData("\0\0\0")]
    [InlineData("<?xml version=\"1.0\"?><a/><b/>")]
    public void Garbage_is_a_diagnostic_never_an_exception(string xml)
    {
        var result = BpmnReader.Read(xml, "junk.bpmn");
        Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Source == "junk.bpmn");
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_an_encoding_diagnostic()
    {
        using var stream = new MemoryStream([0x3C, 0x61, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x61, 0x3E]);
        Assert.Equal(DiagnosticCodes.Encoding, Assert.Single(BpmnReader.Read(stream, "bin.bpmn").Diagnostics).Code);
    }

    [Fact]
    public void A_Latin_1_file_is_decoded_as_it_declares()
    {
        var bytes = Encoding.Latin1.GetBytes("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + Definitions + "<process id=\"p\" name=\"Café\"/></definitions>");
        using var stream = new MemoryStream(bytes);
        var result = BpmnReader.Read(stream, "latin1.bpmn");
        Assert.Empty(result.Diagnostics);
        Assert.Equal("Café", result.Model.Processes[0].Name);
    }
}
