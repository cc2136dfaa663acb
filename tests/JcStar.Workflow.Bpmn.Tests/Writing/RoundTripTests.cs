using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Writing;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Writing;

public sealed class RoundTripTests
{
    public static TheoryData<string> MiwgFiles() => [.. Corpus.MiwgFiles()];
    public static TheoryData<string> ModdleValidFiles() => [.. Corpus.ModdleValidFiles()];

    [Theory]
    [MemberData(nameof(MiwgFiles))]
    public void Every_MIWG_reference_file_round_trips_losslessly(string file)
    {
        AssertRoundTrip(Corpus.Read(Corpus.Miwg, file));
    }

    [Theory]
    [MemberData(nameof(ModdleValidFiles))]
    public void Every_valid_bpmn_moddle_fixture_round_trips_losslessly(string file)
    {
        AssertRoundTrip(Corpus.Read(Corpus.Moddle, file));
    }

    [Fact]
    public void The_canonical_form_notices_a_changed_waypoint_so_the_round_trip_test_can_fail()
    {
        var first = Corpus.Read(Corpus.Miwg, "A.1.0.bpmn");
        var xml = BpmnWriter.Write(first.Document!);
        var moved = System.Text.RegularExpressions.Regex.Replace(xml, "(<[a-z0-9]+:waypoint [^>]*x=\")[0-9.]+", "${1}99999", default, TimeSpan.FromSeconds(5));
        var second = BpmnReader.Read(moved, "A.1.0.bpmn");
        Assert.NotEqual(Canonical.Dump(first.Diagrams), Canonical.Dump(second.Diagrams));
        Assert.NotEqual(Canonical.Dump(first.Document), Canonical.Dump(second.Document));
    }

    [Fact]
    public void Written_files_start_with_a_UTF_8_declaration_and_keep_prefixes_and_foreign_attributes()
    {
        var xml = """
            <bpmn2:definitions xmlns:bpmn2="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:v="urn:vendor" id="d" targetNamespace="t" v:color="red">
              <!-- kept -->
              <bpmn2:process id="p" v:extra="a&#10;b"><bpmn2:documentation><![CDATA[<b>x</b>]]></bpmn2:documentation></bpmn2:process>
            </bpmn2:definitions>
            """;
        var written = BpmnWriter.Write(BpmnReader.Read(xml, "x.bpmn").Document!);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", written);
        Assert.Contains("<bpmn2:definitions xmlns:bpmn2=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" xmlns:v=\"urn:vendor\" id=\"d\" targetNamespace=\"t\" v:color=\"red\">", written);
        Assert.Contains("<!-- kept -->", written);
        Assert.Contains("v:extra=\"a&#xA;b\"", written);
        Assert.Contains("<![CDATA[<b>x</b>]]>", written);
    }

    private static void AssertRoundTrip(BpmnReadResult first)
    {
        Assert.DoesNotContain(first.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        var written = BpmnWriter.Write(first.Document!);
        var second = BpmnReader.Read(written, first.SourceName);
        // A repaired attribute name is written back escaped, as well-formed XML: the repair notice does not recur.
        static IEnumerable<string> Codes(BpmnReadResult r) => r.Diagnostics.Select(d => d.Code).Where(c => c != DiagnosticCodes.NameRepaired);
        Assert.Equal(Canonical.Dump(Codes(first)), Canonical.Dump(Codes(second)));
        Assert.Equal(Canonical.Dump(first.Document), Canonical.Dump(second.Document));
        Assert.Equal(Canonical.Dump(first.Model), Canonical.Dump(second.Model));
        Assert.Equal(Canonical.Dump(first.Diagrams), Canonical.Dump(second.Diagrams));
        // A second write is byte-identical: the writer is a fixed point.
        Assert.Equal(written, BpmnWriter.Write(second.Document!));
    }
}
