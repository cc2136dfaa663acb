using System.Text.Json;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

public sealed class MailTemplateTests
{
    private static readonly string[] Notices =
    [
        "acceptance", "appeal-acknowledgement", "appeal-decision", "correction-request", "expiry-reminder", "extension",
        "facility-approval", "fee-request", "grant", "improvement-instruction", "refusal", "revocation", "successor-instruction",
    ];

    private static MailTemplateLibrary Library() =>
        new(new MailOptions { TemplateFolder = RepositoryPaths.InRepo("templates", "mail"), StrictTemplateVariables = true }, TestMail.Clock());

    public static TheoryData<string> NoticeNames() => new(Notices);

    [Fact]
    public void Every_notice_of_the_scheme_has_a_template()
    {
        Assert.Equal(Notices, Library().Names());
    }

    [Theory]
    [MemberData(nameof(NoticeNames))]
    public void Each_template_renders_its_example_with_every_variable_defined(string name)
    {
        var example = ReadExample(name);

        var mail = Library().Render(name, example);

        Assert.StartsWith("【JC-STAR】", mail.Subject);
        Assert.DoesNotContain('\n', mail.Subject);
        Assert.DoesNotContain("{{", mail.Subject + mail.TextBody + mail.HtmlBody);
        Assert.DoesNotContain("{%", mail.Subject + mail.TextBody + mail.HtmlBody);
        Assert.Contains(example["office"].GetProperty("email").GetString()!, mail.TextBody);
        Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", mail.TextBody);
    }

    [Fact]
    public void Dates_and_fees_are_written_the_Japanese_way()
    {
        var mail = Library().Render("fee-request", ReadExample("fee-request"));

        Assert.Contains("金額: 150,000 円（税込）", mail.TextBody);
        Assert.Contains("お支払期限: 2025年5月15日", mail.TextBody);
    }

    [Fact]
    public void A_variable_the_case_lacks_fails_the_render_when_templates_are_strict()
    {
        var example = ReadExample("grant");
        example.Remove("label");

        var error = Assert.Throws<InvalidOperationException>(() => Library().Render("grant", example));
        Assert.Contains("grant", error.Message);
        Assert.Contains("label", error.Message);
    }

    [Fact]
    public void The_HTML_body_escapes_markup_from_case_data_but_leaves_Japanese_readable()
    {
        var example = ReadExample("acceptance");
        example["applicant"] = JsonDocument.Parse("""{ "company": "<b>株式会社テスト</b>", "contact_name": "山田 太郎" }""").RootElement;

        var mail = Library().Render("acceptance", example);

        Assert.Contains("&lt;b&gt;株式会社テスト&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("<b>株式会社テスト</b>", mail.TextBody);
    }

    [Fact]
    public void A_template_name_that_could_leave_the_template_folder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Library().Render("../grant", new Dictionary<string, JsonElement>()));
    }

    private static Dictionary<string, JsonElement> ReadExample(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("templates", "mail", name, "example.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }
}
