using System.Net;

namespace JcStar.Workflow.Server.Tests.Public;

public sealed class ComplaintRateLimitTests(RateLimitedComplaintServerFactory server) : IClassFixture<RateLimitedComplaintServerFactory>
{
    [Fact]
    public async Task Complaints_beyond_the_hourly_limit_answer_429()
    {
        var client = server.CreateClient();

        var first = await PublicComplaintTests.SendComplaintAsync(client, "one@example.jp", "一件目");
        var second = await PublicComplaintTests.SendComplaintAsync(client, "two@example.jp", "二件目");
        var third = await PublicComplaintTests.SendComplaintAsync(client, "three@example.jp", "三件目");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, third.StatusCode);
    }
}
