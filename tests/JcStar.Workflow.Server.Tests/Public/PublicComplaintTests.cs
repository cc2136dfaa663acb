using System.Net;
using System.Text.RegularExpressions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Instances;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JcStar.Workflow.Server.Tests.Public;

/// <summary>A complaint from the public (JSS-01 6.6): the form, a confirmation mail through the outbox, and a complaint case only once the link is confirmed.</summary>
public sealed partial class PublicComplaintTests(ComplaintServerFactory server) : IClassFixture<ComplaintServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"https?://[^\s]+/complaints/confirm/(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();

    internal static async Task<HttpResponseMessage> SendComplaintAsync(HttpClient client, string email, string description)
    {
        var form = await client.GetStringAsync("/complaints/new", Ct);
        var token = AntiforgeryField().Match(form).Groups["token"].Value;
        return await client.PostAsync("/complaints/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["name"] = "山田 花子",
            ["email"] = email,
            ["subject"] = "JC1-2026-0001",
            ["description"] = description,
        }), Ct);
    }

    private async Task<MimeMessage> MailToAsync(string address)
    {
        // The dispatcher runs in the background; wait for its file (bounded by the test's cancellation, not a timing claim).
        for (var attempt = 0; attempt < 300; attempt++)
        {
            if (Directory.Exists(server.OutboxFolder))
            {
                foreach (var file in Directory.EnumerateFiles(server.OutboxFolder, "*.eml", SearchOption.AllDirectories))
                {
                    var message = await MimeMessage.LoadAsync(file, Ct);
                    if (message.To.Mailboxes.Any(m => m.Address == address))
                        return message;
                }
            }
            await Task.Delay(100, Ct);
        }
        throw new InvalidOperationException($"no .eml to {address} under {server.OutboxFolder}");
    }

    private async Task<int> ComplaintCasesAsync()
    {
        var queries = server.Services.GetRequiredService<WorkflowQueries>();
        var page = await queries.QueryInstancesAsync(new InstanceQuery(ProcessId: "AppealsComplaintsDisputes", Page: new PageRequest(1, 500)), WorkflowActor.System, Ct);
        return page.Items.Count;
    }

    [Fact]
    public async Task A_complaint_confirmed_by_the_mailed_link_opens_a_complaint_case_with_a_receipt_number()
    {
        var client = server.CreateClient();
        var before = await ComplaintCasesAsync();

        var sent = await SendComplaintAsync(client, "hanako@example.jp", "初期パスワードが全機器で同じでした。");
        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.EndsWith("/complaints/sent", sent.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Contains("確認メールを送信しました", await sent.Content.ReadAsStringAsync(Ct));

        var mail = await MailToAsync("hanako@example.jp");
        Assert.Contains("苦情の申出の確認", mail.Subject);
        var link = ConfirmationLink().Match(mail.TextBody ?? "");
        Assert.True(link.Success, mail.TextBody);
        Assert.Equal(before, await ComplaintCasesAsync());

        var path = new Uri(link.Value).AbsolutePath;
        var page = await client.GetStringAsync(path, Ct);
        Assert.Contains("初期パスワードが全機器で同じでした。", page);
        Assert.Equal(before, await ComplaintCasesAsync());
        var confirmed = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups["token"].Value,
            ["confirm"] = "yes",
        }), Ct);
        var receiptPage = await confirmed.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var receipt = Regex.Match(receiptPage, "class=\"receipt\">(?<n>PC-[0-9]{8}-[0-9A-F]{8})<").Groups["n"].Value;
        Assert.NotEmpty(receipt);
        Assert.Equal(before + 1, await ComplaintCasesAsync());
        var queries = server.Services.GetRequiredService<WorkflowQueries>();
        var instance = (await queries.QueryInstancesAsync(new InstanceQuery(BusinessKey: receipt), WorkflowActor.System, Ct)).Items.Single();
        var variables = await queries.CaseVariablesAsync(instance.Id, WorkflowActor.System, Ct);
        Assert.Equal("complaint", variables["kind"].GetString());
        Assert.Equal("hanako@example.jp", variables["appellant"].GetProperty("email").GetString());
        Assert.Equal("初期パスワードが全機器で同じでした。", variables["summary"].GetString());

        // Confirming again opens nothing more and shows the same receipt.
        var again = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups["token"].Value,
            ["confirm"] = "yes",
        }), Ct);
        Assert.Contains(receipt, await again.Content.ReadAsStringAsync(Ct));
        Assert.Equal(before + 1, await ComplaintCasesAsync());
    }

    [Fact]
    public async Task An_unconfirmed_complaint_or_an_unknown_link_opens_no_case()
    {
        var client = server.CreateClient();
        var before = await ComplaintCasesAsync();

        await SendComplaintAsync(client, "nobody-confirms@example.jp", "確認しない苦情");
        await MailToAsync("nobody-confirms@example.jp");
        var unknown = await client.GetAsync("/complaints/confirm/not-a-real-token", Ct);

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(before, await ComplaintCasesAsync());
    }

    [Fact]
    public async Task The_form_names_each_missing_or_wrong_field_and_refuses_a_post_without_the_antiforgery_token()
    {
        var client = server.CreateClient();

        var bad = await SendComplaintAsync(client, "not an address, b@example.jp", "");
        var html = await bad.Content.ReadAsStringAsync(Ct);
        var forged = await server.CreateClient().PostAsync("/complaints/new", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["name"] = "x", ["email"] = "x@example.jp", ["subject"] = "x", ["description"] = "x",
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("id=\"email-error\"", html);
        Assert.Contains("メールアドレスの形式が正しくありません", html);
        Assert.Contains("id=\"description-error\"", html);
        Assert.DoesNotContain("id=\"name-error\"", html);
        Assert.Contains("value=\"山田 花子\"", html);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }
}
