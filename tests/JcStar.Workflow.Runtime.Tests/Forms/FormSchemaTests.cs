using System.Collections.Immutable;
using System.Text.Json;
using System.Xml.Linq;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Runtime.Tests.Forms;

public sealed class FormSchemaTests
{
    private const string Review = """
        {"type":"default","id":"Form_review","components":[
          {"type":"text","text":"### 審査"},
          {"type":"radio","key":"decision","label":"判定","values":[{"label":"交付","value":"grant"},{"label":"不交付","value":"refuse"}],"validate":{"required":true}},
          {"type":"textarea","key":"reasons","label":"理由","validate":{"maxLength":10}},
          {"type":"number","key":"score","label":"点数","validate":{"min":0,"max":100}},
          {"type":"radio","key":"complete","label":"揃っているか","values":[{"label":"はい","value":true},{"label":"いいえ","value":false}],"validate":{"required":true}},
          {"type":"group","components":[{"type":"textfield","key":"code","label":"コード","validate":{"pattern":"^[A-Z]{2}-[0-9]+$"}}]}
        ]}
        """;

    private static ImmutableDictionary<string, JsonElement> Data(object o) =>
        JsonSerializer.SerializeToElement(o).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static FormSchema Schema => FormSchemaReader.Read(Review, "review.form");

    [Fact]
    public void Valid_data_passes()
    {
        Assert.True(Schema.Validate(Data(new { decision = "grant", complete = true, reasons = "問題なし", score = 80, code = "AB-12" })).IsValid);
    }

    [Fact]
    public void Every_problem_is_reported_per_field_with_its_label()
    {
        var result = Schema.Validate(Data(new { decision = "maybe", reasons = "とても長い理由がここに書かれています", score = 120, code = "x", extra = 1 }));
        Assert.Equal(["code", "complete", "decision", "extra", "reasons", "score"], result.Errors.Keys.Order());
        Assert.Equal("判定 (decision) must be one of \"grant\", \"refuse\"", Assert.Single(result.Errors["decision"]));
        Assert.Equal("揃っているか (complete) is required", Assert.Single(result.Errors["complete"]));
        Assert.Contains("at most 10 characters", Assert.Single(result.Errors["reasons"]));
        Assert.Equal("点数 (score) must be at most 100", Assert.Single(result.Errors["score"]));
        Assert.Equal("コード (code) does not match the required format", Assert.Single(result.Errors["code"]));
        Assert.Equal("'extra' is not a field of form Form_review", Assert.Single(result.Errors["extra"]));
    }

    [Fact]
    public void Types_are_checked_and_a_boolean_choice_is_not_the_string_true()
    {
        var result = Schema.Validate(Data(new { decision = "grant", complete = "true", score = "80" }));
        Assert.Contains("must be one of true, false", Assert.Single(result.Errors["complete"]));
        Assert.Equal("点数 (score) must be a number", Assert.Single(result.Errors["score"]));
    }

    [Fact]
    public void A_broken_form_file_is_refused_naming_the_file_and_component()
    {
        var e = Assert.Throws<FormatException>(() => FormSchemaReader.Read("""{"components":[{"type":"textfield"}]}""", "x.form"));
        Assert.Equal("x.form: components[0] (textfield) has no key", e.Message);
        Assert.Contains("x.form:1: not valid JSON", Assert.Throws<FormatException>(() => FormSchemaReader.Read("{", "x.form")).Message);
    }

    [Fact]
    public void Every_form_key_in_the_workflows_has_a_form_that_reads()
    {
        var forms = new FormFolder(RepositoryPaths.InRepo("workflows", "forms"));
        XNamespace jc = "urn:jcstar:workflow:bpmn:1.0";
        var keys = Directory.EnumerateFiles(RepositoryPaths.InRepo("workflows"), "*.bpmn")
            .SelectMany(f => XDocument.Load(f).Descendants().Select(e => (string?)e.Attribute(jc + "formKey")))
            .OfType<string>().Distinct().ToList();
        Assert.NotEmpty(keys);
        Assert.All(keys, key => Assert.True(forms.Find(key) is { Schema.Fields.Length: > 0 }, $"form '{key}' is missing or has no field"));
    }

    [Fact]
    public void The_form_folder_reads_a_file_again_when_it_changes()
    {
        var folder = Directory.CreateTempSubdirectory("jcstar-forms-").FullName;
        try
        {
            var path = Path.Combine(folder, "f.form");
            File.WriteAllText(path, """{"components":[{"type":"textfield","key":"a"}]}""");
            var forms = new FormFolder(folder);
            Assert.True(forms.Find("f")!.Schema.Validate(Data(new { a = "x" })).IsValid);
            File.WriteAllText(path, """{"components":[{"type":"textfield","key":"b","validate":{"required":true}}]}""");
            File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
            Assert.False(forms.Find("f")!.Schema.Validate(Data(new { a = "x" })).IsValid);
            Assert.Null(forms.Find("../f"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
