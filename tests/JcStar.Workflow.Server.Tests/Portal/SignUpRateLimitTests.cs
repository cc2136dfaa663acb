using System.Net;
using System.Text.RegularExpressions;

namespace JcStar.Workflow.Server.Tests.Portal;

/// <summary>Sign-ups are rate-limited per address (Portal:SignUpsPerHour): one more answers 429.</summary>
public sealed partial class SignUpRateLimitTests(RateLimitedSignUpServerFactory server) : IClassFixture<RateLimitedSignUpServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [Fact]
    public async Task A_third_sign_up_from_one_address_within_the_hour_is_told_to_wait()
    {
        var client = server.CreateClient();
        var statuses = new List<HttpStatusCode>();
        foreach (var company in new[] { "一号株式会社", "二号株式会社", "三号株式会社" })
        {
            var page = await client.GetStringAsync("/signup", Ct);
            // Invalid on purpose (no corporate number): the limit counts attempts, not successes.
            var response = await client.PostAsync("/signup", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = AntiforgeryField().Match(page).Groups["token"].Value,
                ["companyName"] = company,
            }), Ct);
            statuses.Add(response.StatusCode);
        }
        Assert.Equal([HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.TooManyRequests], statuses);
    }
}
