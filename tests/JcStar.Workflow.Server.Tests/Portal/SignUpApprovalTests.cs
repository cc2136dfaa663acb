using System.Net;
using System.Text.RegularExpressions;
using JcStar.Workflow.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace JcStar.Workflow.Server.Tests.Portal;

/// <summary>Sign-up when staff must approve new organizations (Portal:RequireApproval): confirmed is not yet active; approved on /admin, it is.</summary>
public sealed partial class SignUpApprovalTests(SignUpServerFactory server) : IClassFixture<SignUpServerFactory>
{
    private const string Password = "Approval-Test-Pass-2026";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"https?://[^\s]+/signup/confirm\?user=(?<user>[^&\s]+)&token=(?<token>[A-Za-z0-9_-]+)")]
    private static partial Regex ConfirmationLink();

    private HttpClient Browser() => server.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string page, string action, Dictionary<string, string> fields)
    {
        var html = await client.GetStringAsync(page, Ct);
        fields["__RequestVerificationToken"] = AntiforgeryField().Match(html).Groups["token"].Value;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields), Ct);
    }

    private static Dictionary<string, string> SignUpFields(string company, string corporateNumber, string email) => new()
    {
        ["companyName"] = company,
        ["corporateNumber"] = corporateNumber,
        ["address"] = "大阪府大阪市北区梅田1-1",
        ["contactName"] = "田中 一郎",
        ["contactPhone"] = "06-1234-5678",
        ["email"] = email,
        ["password"] = Password,
        ["passwordConfirmation"] = Password,
    };

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

    private Task<HttpResponseMessage> SignInAsync(HttpClient client, string user) =>
        PostFormAsync(client, "/login", "/login", new() { ["userName"] = user, ["password"] = Password, ["returnUrl"] = "/portal" });

    [Fact]
    public async Task A_confirmed_organization_cannot_sign_in_until_an_administrator_approves_it_on_the_admin_page()
    {
        const string email = "ichiro@zeta.example.jp";
        var browser = Browser();
        var signedUp = await PostFormAsync(browser, "/signup", "/signup", SignUpFields("ゼータ電子株式会社", "1010001000006", email));
        Assert.Equal(HttpStatusCode.Redirect, signedUp.StatusCode);

        var link = ConfirmationLink().Match((await MailToAsync(email)).TextBody ?? "");
        Assert.True(link.Success, "the mail carries the confirmation link");
        var confirmPage = $"/signup/confirm?user={link.Groups["user"].Value}&token={link.Groups["token"].Value}";
        var confirmed = await PostFormAsync(browser, confirmPage, "/signup/confirm", new() { ["user"] = Uri.UnescapeDataString(link.Groups["user"].Value), ["token"] = link.Groups["token"].Value });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("承認すると", await confirmed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        var refused = await SignInAsync(Browser(), email);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("not active yet", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        string organizationId;
        await using (var scope = server.Services.CreateAsyncScope())
            organizationId = (await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Organizations.SingleAsync(o => o.CorporateNumber == "1010001000006", Ct)).Id;
        var admin = server.ClientFor("web-admin", roles: "admin");
        var adminPage = await admin.GetStringAsync("/admin", Ct);
        Assert.Contains("ゼータ電子株式会社", adminPage, StringComparison.Ordinal);
        var approved = await admin.PostAsync("/admin", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = $"approve-{organizationId}",
            ["__RequestVerificationToken"] = AntiforgeryField().Match(adminPage).Groups["token"].Value,
        }), Ct);
        Assert.True(approved.IsSuccessStatusCode || approved.StatusCode == HttpStatusCode.Redirect, $"approving answered {(int)approved.StatusCode}");
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var organization = await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Organizations.SingleAsync(o => o.Id == organizationId, Ct);
            Assert.False(organization.AwaitingApproval);
            Assert.Equal("web-admin", organization.ApprovedBy);
        }

        var signedIn = await SignInAsync(Browser(), email);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/portal", signedIn.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_sign_up_without_its_anti_forgery_token_is_refused_and_registers_nothing()
    {
        var response = await Browser().PostAsync("/signup", new FormUrlEncodedContent(SignUpFields("偽装株式会社", "2010001000005", "forged@example.jp")), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var scope = server.Services.CreateAsyncScope();
        Assert.False(await scope.ServiceProvider.GetRequiredService<AccessDbContext>().Organizations.AnyAsync(o => o.CorporateNumber == "2010001000005", Ct));
    }
}
