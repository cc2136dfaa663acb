using System.Text.Encodings.Web;
using System.Text.Json;
using JcStar.Workflow.Documents.Tests.Letters;
using JcStar.Workflow.Testing;
using Xunit;

namespace JcStar.Workflow.Documents.Tests;

/// <summary>
/// The committed templates/ are what the generator writes. Regenerate them with
/// <c>JCSTAR_WRITE_TEMPLATES=1 dotnet test tests/JcStar.Workflow.Documents.Tests --filter-class *SchemeLetterTemplateTests</c>.
/// </summary>
public sealed class SchemeLetterTemplateTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly WordTemplateEngine _engine = new(new DocumentsOptions());

    public static TheoryData<string> Names => [.. SchemeLetters.All.Select(l => l.Name)];

    [Theory]
    [MemberData(nameof(Names))]
    public void The_committed_template_is_what_the_generator_writes(string name)
    {
        var letter = SchemeLetters.All.Single(l => l.Name == name);
        var generated = LetterTemplateBuilder.Build(letter);
        var example = JsonSerializer.Serialize(letter.Example, Json) + "\n";
        var docx = RepositoryPaths.InRepo("templates", name + ".docx");
        var json = RepositoryPaths.InRepo("templates", name + ".example.json");
        if (Environment.GetEnvironmentVariable("JCSTAR_WRITE_TEMPLATES") == "1")
        {
            File.WriteAllBytes(docx, generated);
            File.WriteAllText(json, example);
        }
        Assert.Equal(WordText.Body(generated), WordText.Body(File.ReadAllBytes(docx)));
        Assert.Equal(WordText.Headers(generated), WordText.Headers(File.ReadAllBytes(docx)));
        Assert.Equal(example, File.ReadAllText(json));
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_template_is_valid_Word_and_renders_its_example_into_valid_Word(string name)
    {
        var template = File.ReadAllBytes(RepositoryPaths.InRepo("templates", name + ".docx"));
        Assert.Empty(WordText.ValidationErrors(template));
        var check = _engine.Check(template);
        Assert.True(check.IsValid, string.Join("\n", check.Errors));

        var output = _engine.Render(template, TemplateData.FromJson(File.ReadAllText(RepositoryPaths.InRepo("templates", name + ".example.json"))));
        Assert.Empty(WordText.ValidationErrors(output));
        var body = WordText.Body(output);
        Assert.Contains(SchemeLetters.All.Single(l => l.Name == name).Title, body);
        Assert.Contains("令和8年11月25日", body);
        Assert.Contains("殿", body);
        Assert.Contains("独立行政法人情報処理推進機構", body);
        Assert.DoesNotContain("{", body + WordText.Headers(output));
    }

    /// <summary>
    /// The decisions against the applicant or the facility (JIS Q 17065 7.13 lets any decision be appealed): a refusal,
    /// a refusal of an extension or a facility, a revocation, a new-application instruction, an application deemed
    /// withdrawn, an instruction for improvement. A grant, a request or a notice of what the applicant asked is not.
    /// </summary>
    public static TheoryData<string> AppealableDecisions =>
    [
        "refusal-notice", "extension-refusal-notice", "facility-refusal-notice", "revocation-notice",
        "new-application-instruction", "withdrawal-notice", "improvement-instruction",
    ];

    [Theory]
    [MemberData(nameof(AppealableDecisions))]
    public void An_appealable_decision_says_how_and_by_which_date_as_a_wareki_date(string name)
    {
        var template = File.ReadAllBytes(RepositoryPaths.InRepo("templates", name + ".docx"));
        var data = TemplateData.FromJson(File.ReadAllText(RepositoryPaths.InRepo("templates", name + ".example.json")));

        var body = WordText.Body(_engine.Render(template, data));

        // Every example's appealByDate is 2026-12-25.
        Assert.Contains("この決定に不服がある場合は、令和8年12月25日までに", body);
        Assert.Contains("異議申立書を、セキュリティセンター JC-STAR 担当（電子メール：", body);
    }

    [Fact]
    public void The_grant_notice_lists_every_product_and_model_with_level_and_validity()
    {
        var template = File.ReadAllBytes(RepositoryPaths.InRepo("templates", "grant-notice.docx"));
        var output = _engine.Render(template, TemplateData.FromJson(File.ReadAllText(RepositoryPaths.InRepo("templates", "grant-notice.example.json"))));
        var body = WordText.Body(output);
        Assert.Contains("登録番号 | JC-2026-000123", body);
        Assert.Contains("適合レベル | ★1", body);
        Assert.Contains("有効期限 | 令和10年11月24日", body);
        Assert.Contains("評価機関 | ―（適合の自己宣言）", body);
        Assert.Contains("ラベル発行機関", body);
        Assert.Contains("ネットワークカメラ NC-100 | NC-100\nネットワークカメラ NC-100 | NC-100W", body);
        using var document = WordText.Open(output);
        Assert.Single(document.MainDocumentPart!.ImageParts);
    }
}
