using System.Net;
using JcStar.Workflow.Runtime;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>The workload overview counts open and overdue tasks per step for admins and managers, and nobody else sees it.</summary>
public sealed class OverviewTests(AuthorizationMatrixTests.MatrixServer server) : IClassFixture<AuthorizationMatrixTests.MatrixServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Admins_see_open_work_per_step_and_staff_are_refused()
    {
        await server.World.InitializeAsync();
        await server.World.CaseOfAsync("A", "JCS-OV-1");
        await server.World.CaseOfAsync("B", "JCS-OV-2");

        var overview = await server.Services.GetRequiredService<WorkflowQueries>()
            .OverviewAsync(server.World.People["admin"], DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(-1), Ct);
        var step = Assert.Single(overview.Steps, s => s.ProcessId == "MatrixCase" && s.ElementId == "Review");
        Assert.True(step.Open >= 2);
        Assert.True(overview.CasesStartedThisMonth >= 2);

        var page = await server.World.Clients["admin"].GetAsync("/overview", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("審査", await page.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.Forbidden, (await server.World.Clients["staff"].GetAsync("/overview", Ct)).StatusCode);
    }

    [Fact]
    public async Task Inbox_counts_are_those_of_the_inbox_and_leave_out_conflicted_cases()
    {
        await server.World.InitializeAsync();
        await server.World.CaseOfAsync("A", "JCS-CNT-1");
        await server.World.CaseOfAsync("B", "JCS-CNT-2");
        var queries = server.Services.GetRequiredService<WorkflowQueries>();

        var staff = await queries.InboxCountsAsync(server.World.People["staff"], Ct);
        var conflicted = await queries.InboxCountsAsync(server.World.People["conflicted"], Ct);
        var applicant = await queries.InboxCountsAsync(server.World.People["applicantA"], Ct);

        var listed = (await queries.InboxAsync(server.World.People["staff"], new PageRequest(1, 500), Ct)).Items.Count;
        Assert.Equal(listed, staff.Mine + staff.Offered);
        Assert.True(conflicted.Offered < staff.Offered, "the conflicted clerk's count leaves applicant A's cases out");
        Assert.Equal((0, 0), applicant);
    }
}
