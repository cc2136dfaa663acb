using System.Text.Json;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// The <c>present</c> filter: under strict variables Liquid's <c>{% if x %}</c> throws for a variable the case lacks
/// (and for null), so templates test optional fields by name.
/// </summary>
public sealed class PresentFilterTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("jcstar-present-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("reasons", """{ "reasons": "理由" }""", "yes")]
    [InlineData("reasons", """{ }""", "no")]
    [InlineData("reasons", """{ "reasons": null }""", "no")]
    [InlineData("reasons", """{ "reasons": "" }""", "no")]
    [InlineData("reasons", """{ "reasons": " \n" }""", "no")]
    [InlineData("applicant.contactName", """{ "applicant": { "contactName": "山田 太郎" } }""", "yes")]
    [InlineData("applicant.contactName", """{ "applicant": { "name": "株式会社サンプル電機" } }""", "no")]
    [InlineData("applicant.contactName", """{ }""", "no")]
    [InlineData("facility.accreditation.validUntil", """{ "facility": { "accreditation": { "validUntil": "2029-03-31" } } }""", "yes")]
    [InlineData("facility.accreditation.validUntil", """{ "facility": { "accreditation": null } }""", "no")]
    [InlineData("facility.scopeLevels", """{ "facility": { "scopeLevels": [] } }""", "no")]
    [InlineData("facility.scopeLevels", """{ "facility": { "scopeLevels": ["Star3"] } }""", "yes")]
    [InlineData("feeAmount", """{ "feeAmount": 0 }""", "yes")]
    [InlineData("complete", """{ "complete": false }""", "yes")]
    public void Present_tells_whether_an_optional_field_has_a_value_without_failing_strict_variables(string path, string variables, string expected)
    {
        var library = Library($$"""{% assign has = "{{path}}" | present %}{% if has %}yes{% else %}no{% endif %}""");

        var mail = library.Render("probe", Variables(variables));

        Assert.Equal(expected, mail.TextBody);
    }

    [Fact]
    public void Without_the_filter_strict_variables_fail_on_a_guard()
    {
        var library = Library("{% if reasons %}yes{% else %}no{% endif %}");

        Assert.Throws<InvalidOperationException>(() => library.Render("probe", Variables("{ }")));
    }

    private MailTemplateLibrary Library(string body)
    {
        var template = Directory.CreateDirectory(Path.Combine(folder, "probe")).FullName;
        File.WriteAllText(Path.Combine(template, MailTemplateLibrary.SubjectFile), "probe");
        File.WriteAllText(Path.Combine(template, MailTemplateLibrary.TextBodyFile), body);
        return new MailTemplateLibrary(new MailOptions { TemplateFolder = folder, StrictTemplateVariables = true }, TestMail.Clock());
    }

    private static Dictionary<string, JsonElement> Variables(string json) =>
        JsonDocument.Parse(json).RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
}
