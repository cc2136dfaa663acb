using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using JcStar.Workflow.Documents;
using JcStar.Workflow.Identity.Administration;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// A scheme manager changes a letter in the browser: an upload with a broken placeholder is refused with the diagnostic
/// and its place, a good one becomes version 2, its preview downloads, a letter made afterwards records version 2, and the
/// procedure's simulation renders its letter from version 2 too.
/// Its own server (a class fixture), since the upload changes the letter other journeys send.
/// </summary>
public sealed class LetterTemplateTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string Template = "grant-notice";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>templates/grant-notice.docx with a paragraph put first in its body.</summary>
    private static byte[] WithFirstParagraph(string text)
    {
        using var source = new ZipArchive(File.OpenRead(RepositoryPaths.InRepo("templates", Template + ".docx")), ZipArchiveMode.Read);
        using var buffer = new MemoryStream();
        using (var target = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var from = entry.Open();
                using var to = target.CreateEntry(entry.FullName).Open();
                if (entry.FullName != "word/document.xml")
                {
                    from.CopyTo(to);
                    continue;
                }
                var xml = new StreamReader(from, Encoding.UTF8).ReadToEnd();
                xml = xml.Replace("<w:body>", $"<w:body><w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>", StringComparison.Ordinal);
                to.Write(Encoding.UTF8.GetBytes(xml));
            }
        }
        return buffer.ToArray();
    }

    private static string DocumentXml(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx), ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open(), Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static async Task UploadAsync(IPage page, string fileName, byte[] content, string note)
    {
        await page.Locator("#template-file").SetInputFilesAsync(new FilePayload { Name = fileName, MimeType = DocumentContentTypes.Docx, Buffer = content });
        await page.Locator("#template-note").FillAsync(note);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Check and store") }).ClickAsync();
    }

    [Fact]
    public async Task A_broken_upload_is_refused_with_its_diagnostic_a_good_one_becomes_version_2_previews_and_makes_the_next_letter()
    {
        Chromium.SkipOrFailWhenAbsent();
        await using (var scope = workspace.Server.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<AccessAdministration>()
                .CreateUserAsync(new NewUser("yamada", "scheme-manager", null, "yamada@example.jp", StaffWorkspace.Password) { DisplayName = "山田" }, Ct);
        var page = await workspace.NewPageAsync(1280, 900);
        await workspace.SignInAsync(page, "yamada");

        await page.GotoAsync("/templates");
        await Assertions.Expect(page.Locator($"td[data-latest='{Template}']")).ToHaveTextAsync("1");
        await StaffWorkspace.CheckAsync(page, "letter-templates");

        await page.GetByRole(AriaRole.Link, new() { Name = Template, Exact = true }).ClickAsync();
        await page.ArrivedAtAsync(new Regex($"/templates/{Template}$"));
        await UploadAsync(page, "交付通知書_壊れた版.docx", WithFirstParagraph("交付日：{{ issuedOn | wareki "), "タグが閉じていない版");

        await Assertions.Expect(page.Locator("#upload-refused")).ToBeVisibleAsync();
        var diagnostic = page.Locator("tr.diagnostic").First;
        await Assertions.Expect(diagnostic).ToContainTextAsync("word/document.xml");
        await Assertions.Expect(diagnostic).ToContainTextAsync("交付日：{{ issuedOn | wareki");
        await Assertions.Expect(page.Locator("tr[data-version]")).ToHaveCountAsync(1);
        await StaffWorkspace.CheckAsync(page, "letter-template-refused");

        await UploadAsync(page, "交付通知書_2026年版.docx", WithFirstParagraph("（2026年版）"), "2026年改正に合わせた");

        await page.ArrivedAtAsync(new Regex($"/templates/{Template}\\?uploaded=2$"));
        await Assertions.Expect(page.Locator("p.notice[role=status]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("2026年改正に合わせた");
        await Assertions.Expect(page.Locator("tr[data-version='2']")).ToContainTextAsync("yamada");
        await Assertions.Expect(page.Locator("#check-summary")).ToContainTextAsync(new Regex("(エラー 0 件|0 errors)"));
        await StaffWorkspace.CheckAsync(page, "letter-template-version-2");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("Download Word") }).ClickAsync());
        Assert.Equal($"{Template}.v2.preview.docx", download.SuggestedFilename);
        var preview = DocumentXml(await File.ReadAllBytesAsync((await download.PathAsync())!, Ct));
        Assert.Contains("（2026年版）", preview, StringComparison.Ordinal);
        Assert.Contains("情推認第123号", preview, StringComparison.Ordinal);

        // A letter made afterwards by the server's document.render (what a case's letter step runs) for a filed case.
        var instanceId = await workspace.FileApplicationAsync("テンプレート確認用カメラ", Ct);
        var example = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(
            await File.ReadAllTextAsync(RepositoryPaths.InRepo("templates", Template + ".example.json"), Ct))!.ToDictionary(kv => kv.Key, kv => (object?)kv.Value);
        var letter = await workspace.Server.Services.GetRequiredService<RenderDocumentActivity>()
            .ExecuteAsync(new RenderDocumentRequest(instanceId, null, Template, "適合ラベル交付通知書_確認", false, example, "letter-template-test/job"), Ct);
        Assert.Equal(2, letter.Word.TemplateVersion);

        var staff = await workspace.NewPageAsync(1280, 900);
        await workspace.SignInAsync(staff, "web-admin");
        await staff.GotoAsync($"/cases/{instanceId}");
        await Assertions.Expect(staff.Locator("[data-template-version='2']")).ToContainTextAsync(Template);
        await StaffWorkspace.CheckAsync(staff, "case-letter-template-version");

        // The procedure pages' simulation renders the grant letter from version 2 as well, and says which version it used.
        await page.GotoAsync("/procedures/SelfDeclarationApplication/simulate");
        await page.GetByLabel("Scenario").SelectOptionAsync("granted");
        await page.GetByRole(AriaRole.Button, new() { Name = "Run the simulation" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-outcome]")).ToHaveAttributeAsync("data-outcome", "completed", new() { Timeout = 60_000 });
        var simulated = page.Locator("[data-simulation-letters] li").Filter(new() { Has = page.Locator($"a[data-letter-template='{Template}']") });
        await Assertions.Expect(simulated.Locator("[data-letter-template-version]")).ToHaveAttributeAsync("data-letter-template-version", "2");
        await Assertions.Expect(simulated).ToContainTextAsync(new Regex("第2版|version 2"));
        var simulatedLetter = await page.RunAndWaitForDownloadAsync(() => simulated.Locator($"a[data-letter-template='{Template}']").ClickAsync());
        using var word = WordprocessingDocument.Open((await simulatedLetter.PathAsync())!, false);
        var text = word.MainDocumentPart!.Document!.Body!.InnerText;
        Assert.Contains("（2026年版）", text, StringComparison.Ordinal);
        Assert.Contains("さくらホームルーター SR-100", text, StringComparison.Ordinal);
    }
}
