using System.Text.Json;
using System.Text.Json.Nodes;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Mail.Tests;

/// <summary>
/// The mail templates under templates/mail, rendered with strict variables from each template's example.json,
/// which holds the case variables (workflows/README.md, "Case variables") the workflow has at the send task.
/// </summary>
public sealed class MailTemplateTests
{
    /// <summary>Every template a mail.send task of workflows/*.bpmn names (see <see cref="WorkflowMailContractTests"/>).</summary>
    private static readonly string[] Notices =
    [
        "appeal-acknowledged", "appeal-decided", "application-accepted", "correction-request", "evaluation-report-reminder", "expiry-reminder", "extension-refused",
        "facility-approved", "facility-refused", "improvement-instructed", "label-extended", "label-granted", "label-refused",
        "label-revoked", "new-application-required", "review-question", "successor-maintained", "withdrawal-notice",
    ];

    /// <summary>Fields a form may leave empty or a case may not have; the templates must do without them.</summary>
    private static readonly string[] OptionalFields =
    [
        "reasons", "missingItems", "question", "summary", "subjectCaseNumber", "applicant.contactName", "appellant.contactName",
        "facility.contactName", "facility.scopeLevels", "facility.accreditation.certificateNumber", "facility.accreditation.validUntil",
    ];

    /// <summary>Templates whose reasons come from a required form field (revocation-decision, appeal-decision).</summary>
    private static readonly HashSet<string> ReasonsRequired = ["label-revoked", "appeal-decided"];

    private static MailTemplateLibrary Library() =>
        new(new MailOptions { TemplateFolder = RepositoryPaths.InRepo("templates", "mail"), StrictTemplateVariables = true }, TestMail.Clock());

    public static TheoryData<string> NoticeNames() => new(Notices);

    [Fact]
    public void Every_notice_of_the_scheme_has_a_template()
    {
        Assert.Equal([.. Notices.Concat(WorkflowMailContractTests.SentByTheServer).Order(StringComparer.Ordinal)], Library().Names());
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
        Assert.Contains(example["office"].GetProperty("organization").GetString()!, mail.TextBody);
        Assert.Matches("[\u3040-\u30ff\u4e00-\u9fff]", mail.TextBody);
        Assert.DoesNotContain("\n\n\n", mail.TextBody);
    }

    [Theory]
    [MemberData(nameof(NoticeNames))]
    public void Each_template_addresses_the_party_the_workflow_mails(string name)
    {
        var example = ReadExample(name);
        var addressee = name.StartsWith("appeal-", StringComparison.Ordinal) ? "appellant"
            : name.StartsWith("facility-", StringComparison.Ordinal) || name.StartsWith("evaluation-", StringComparison.Ordinal) ? "facility"
            : "applicant";

        var mail = Library().Render(name, example);

        var lines = mail.TextBody.Split('\n');
        Assert.Equal(example[addressee].GetProperty("name").GetString(), lines[0]);
        // The evaluating facility of a ★3・★4 case is known by its contact address only.
        var contact = example[addressee].TryGetProperty("contactName", out var c) ? c.GetString() : "ご担当者";
        Assert.Equal(contact + " 様", lines[1]);
    }

    [Theory]
    [MemberData(nameof(NoticeNames))]
    public void Each_template_renders_without_the_optional_fields(string name)
    {
        var example = ReadExample(name);
        foreach (var path in OptionalFields.Where(p => !(p == "reasons" && ReasonsRequired.Contains(name))))
            Remove(example, path);

        var mail = Library().Render(name, example);

        Assert.DoesNotContain("{{", mail.Subject + mail.TextBody + mail.HtmlBody);
        Assert.Contains(example["office"].GetProperty("email").GetString()!, mail.TextBody);
    }

    [Theory]
    [MemberData(nameof(NoticeNames))]
    public void Each_template_says_whether_a_letter_is_attached(string name)
    {
        var mail = Library().Render(name, ReadExample(name));

        // The evaluation report reminder is the mail.send task without attachments (a review question carries its correction request).
        if (name is "evaluation-report-reminder")
            Assert.DoesNotContain("添付", mail.TextBody);
        else
            Assert.Contains("を添付いたしますので、", mail.TextBody);
    }

    [Fact]
    public void Dates_and_fees_are_written_the_Japanese_way()
    {
        var mail = Library().Render("application-accepted", ReadExample("application-accepted"));

        Assert.Contains("手数料: 198,000 円（税込）", mail.TextBody);
        Assert.Contains("お支払期限: 2026年12月25日", mail.TextBody);
        Assert.Contains("型番: NC-100、NC-100W", mail.TextBody);
        Assert.Contains("申請受理票および手数料請求書を添付", mail.TextBody);
        Assert.Contains("<td>198,000 円（税込）</td>", mail.HtmlBody);
        Assert.Contains("ラベル発行機関", mail.TextBody);
    }

    [Fact]
    public void A_third_party_application_is_accepted_by_the_certification_body_with_its_fee_request()
    {
        // third-party-certification.bpmn attaches the acceptance form and the fee request; the fee is the ★3 setting.
        var example = ReadExample("application-accepted");
        example["level"] = Json("\"Star3\"");
        example["levelDisplay"] = Json("\"★3\"");
        example["feeAmount"] = Json("550000");

        var mail = Library().Render("application-accepted", example);

        Assert.Contains("適合基準レベル: ★3", mail.TextBody);
        Assert.Contains("手数料: 550,000 円（税込）", mail.TextBody);
        Assert.Contains("評価機関による適合性評価", mail.TextBody);
        Assert.DoesNotContain("チェックリスト", mail.TextBody);
        Assert.Contains("550,000 円", mail.HtmlBody);
        Assert.Contains("独立行政法人情報処理推進機構　認証機関", mail.TextBody);
    }

    [Fact]
    public void An_application_without_a_fee_gets_no_payment_section()
    {
        var example = ReadExample("application-accepted");
        example["level"] = Json("\"Star2\"");
        example["feeAmount"] = Json("0");

        var mail = Library().Render("application-accepted", example);

        Assert.DoesNotContain("手数料", mail.TextBody);
        Assert.DoesNotContain("手数料", mail.HtmlBody);
    }

    [Fact]
    public void A_label_after_the_grant_shows_its_level_from_the_level_variable()
    {
        // label-extension.bpmn and the other processes about a granted label have no scheme activity that sets levelDisplay.
        var mail = Library().Render("label-extended", ReadExample("label-extended"));

        Assert.Contains("適合基準レベル: ★1", mail.TextBody);
        Assert.Contains("延長後の有効期限: 2031年1月14日", mail.TextBody);
    }

    [Fact]
    public void An_empty_form_field_counts_as_missing()
    {
        var example = ReadExample("label-refused");
        example["reasons"] = Json("\"  \"");

        var mail = Library().Render("label-refused", example);

        Assert.Contains("添付の不交付通知書に記載のとおりです。", mail.TextBody);
    }

    [Theory]
    [InlineData("complaint", "苦情")]
    [InlineData("dispute", "紛争")]
    [InlineData("appeal", "異議申立て")]
    public void Appeal_mails_name_the_kind_of_case(string kind, string japanese)
    {
        var example = ReadExample("appeal-acknowledged");
        example["kind"] = Json($"\"{kind}\"");

        var mail = Library().Render("appeal-acknowledged", example);

        Assert.Equal($"【JC-STAR】{japanese}の受付のお知らせ（受付番号: JC-AP-2026-004）", mail.Subject);
        Assert.Contains($"区分: {japanese}", mail.TextBody);
    }

    [Fact]
    public void A_variable_the_case_lacks_fails_the_render_when_templates_are_strict()
    {
        var example = ReadExample("label-granted");
        example.Remove("registrationNumber");

        var error = Assert.Throws<InvalidOperationException>(() => Library().Render("label-granted", example));
        Assert.Contains("label-granted", error.Message);
        Assert.Contains("registrationNumber", error.Message);
    }

    [Fact]
    public void The_HTML_body_escapes_markup_from_case_data_but_leaves_Japanese_readable()
    {
        var example = ReadExample("application-accepted");
        example["applicant"] = Json("""{ "name": "<b>株式会社テスト</b>", "contactName": "山田 太郎", "email": "taro@example.jp" }""");

        var mail = Library().Render("application-accepted", example);

        Assert.Contains("&lt;b&gt;株式会社テスト&lt;/b&gt;", mail.HtmlBody);
        Assert.Contains("<b>株式会社テスト</b>", mail.TextBody);
    }

    [Fact]
    public void A_template_name_that_could_leave_the_template_folder_is_refused()
    {
        Assert.Throws<ArgumentException>(() => Library().Render("../label-granted", new Dictionary<string, JsonElement>()));
    }

    internal static Dictionary<string, JsonElement> ReadExample(string name)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.InRepo("templates", "mail", name, "example.json")));
        return document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone());
    }

    private static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    /// <summary>Removes a dotted path ("applicant.contactName") from the variables, if it is there.</summary>
    private static void Remove(Dictionary<string, JsonElement> variables, string path)
    {
        var parts = path.Split('.');
        if (parts.Length == 1)
        {
            variables.Remove(path);
            return;
        }
        if (!variables.TryGetValue(parts[0], out var top) || JsonNode.Parse(top.GetRawText()) is not JsonObject root)
            return;
        var node = root;
        foreach (var part in parts[1..^1])
        {
            if (node[part] is not JsonObject child)
                return;
            node = child;
        }
        node.Remove(parts[^1]);
        variables[parts[0]] = Json(root.ToJsonString());
    }
}
