using JcStar.Workflow.Bpmn.Reading;
using JcStar.Workflow.Bpmn.Diagnostics;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Bpmn.Tests.Reading;

public sealed class CorpusImportTests
{
    public static TheoryData<string> MiwgFiles() => [.. Corpus.MiwgFiles()];
    public static TheoryData<string> ModdleValidFiles() => [.. Corpus.ModdleValidFiles()];
    public static TheoryData<string> ModdleErrorFiles() => [.. Corpus.ModdleErrorFiles()];

    [Fact]
    public void The_corpora_in_the_repository_are_present_and_not_empty()
    {
        Assert.True(Directory.EnumerateFiles(CorpusFolder.Require("miwg-reference"), "*.bpmn").Count() >= 20);
        Assert.True(Directory.EnumerateFiles(CorpusFolder.Require("bpmn-moddle-fixtures"), "*.bpmn", SearchOption.AllDirectories).Count() >= 50);
        Assert.True(Directory.EnumerateFiles(CorpusFolder.Require("bpmn-moddle-fixtures", "error")).Count() >= 10);
    }

    [Theory]
    [MemberData(nameof(MiwgFiles))]
    public void Every_MIWG_reference_file_imports_without_errors(string file)
    {
        var result = Corpus.Read(Corpus.Miwg, file);
        AssertNoErrors(result.Diagnostics);
        Assert.NotNull(result.Document);
        Assert.NotEmpty(result.Model.Processes);
        Assert.NotEmpty(result.Diagrams);
    }

    [Theory]
    [MemberData(nameof(ModdleValidFiles))]
    public void Every_bpmn_moddle_fixture_outside_error_imports_without_errors(string file)
    {
        var result = Corpus.Read(Corpus.Moddle, file);
        AssertNoErrors(result.Diagnostics);
        Assert.NotNull(result.Document);
    }

    [Theory]
    [MemberData(nameof(ModdleErrorFiles))]
    public void Every_bpmn_moddle_error_fixture_is_refused_with_an_error_that_names_the_file(string file)
    {
        var result = Corpus.Read(Corpus.Moddle, file);
        var errors = result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal(file, e.Source));
        Assert.All(errors, e => Assert.True(e.Line > 0, e.ToString()));
    }

    [Theory]
    [InlineData("error/bad-encoding.bpmn", DiagnosticCodes.Encoding, 1)]
    [InlineData("error/binary.png", DiagnosticCodes.Encoding, 1)]
    [InlineData("error/categoryValue.bpmn", DiagnosticCodes.UnknownElement, 3)]
    [InlineData("error/di-no-bpmn-element.bpmn", DiagnosticCodes.MissingAttribute, 8)]
    [InlineData("error/duplicate-ids.bpmn", DiagnosticCodes.DuplicateId, 7)]
    [InlineData("error/extension-definition-missing.bpmn", DiagnosticCodes.UndeclaredPrefix, 5)]
    [InlineData("error/invalid-attributes.bpmn", DiagnosticCodes.MalformedXml, 3)]
    [InlineData("error/no-xml.txt", DiagnosticCodes.MalformedXml, 1)]
    [InlineData("error/not-bpmn.bpmn", DiagnosticCodes.NotBpmn, 2)]
    [InlineData("error/undeclared-ns-child.bpmn", DiagnosticCodes.NoNamespace, 4)]
    [InlineData("error/unrecognized-child.bpmn", DiagnosticCodes.UnknownElement, 4)]
    [InlineData("error/xmlns-redeclaration.bpmn", DiagnosticCodes.MalformedXml, 2)]
    public void Each_bpmn_moddle_error_fixture_is_refused_for_its_own_reason(string file, string code, int line)
    {
        var result = Corpus.Read(Corpus.Moddle, file);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.Line == line && d.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void Attribute_names_XML_forbids_are_read_encoded_with_a_warning_naming_each()
    {
        var result = Corpus.Read(Corpus.Moddle, "attrs.bpmn");
        Assert.NotNull(result.Document);
        AssertNoErrors(result.Diagnostics);
        var warnings = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.NameRepaired).Select(d => d.Message).ToList();
        Assert.Contains("attribute name 'xmlns:.color' is not a legal XML name; read as 'xmlns:_x002E_color'", warnings);
        Assert.Contains("attribute name '.color' is not a legal XML name; read as '_x002E_color'", warnings);
    }

    [Fact]
    public void Repairing_names_does_not_excuse_other_malformations()
    {
        var result = BpmnReader.Read("""<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" .a="x" b />""", "broken.bpmn");
        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.MalformedXml);
    }

    [Fact]
    public void Repairing_names_keeps_DTDs_refused()
    {
        var result = BpmnReader.Read("""<!DOCTYPE d [<!ENTITY x "y">]><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" .a="&x;" />""", "xxe.bpmn");
        Assert.Null(result.Document);
        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.DtdNotAllowed);
    }

    private static void AssertNoErrors(IEnumerable<BpmnDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
