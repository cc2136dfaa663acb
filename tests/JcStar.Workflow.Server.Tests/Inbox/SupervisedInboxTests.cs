using System.Net;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Tasks;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Inbox;

/// <summary>
/// Managers look beyond their own inbox (every open task, or a colleague's) only within what the access policy lets
/// them see; any inbox filters by step and sorts by due date or priority. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class SupervisedInboxTests(SupervisionServer server)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected virtual void SkipUnlessAvailable()
    {
    }

    private WorkflowQueries Queries => server.Services.GetRequiredService<WorkflowQueries>();

    private static TaskQuery All => new() { Page = new PageRequest(1, 500) };

    private async Task<IReadOnlyList<HumanTask>> SupervisedAsync(string who, string? colleague, TaskQuery? filters = null) =>
        (await Queries.SupervisedTasksAsync(filters ?? All, colleague, server.People[who], Ct)).Items;

    [Fact]
    public async Task A_manager_sees_every_open_task_and_a_colleagues_but_nothing_of_a_case_they_are_conflicted_on()
    {
        SkipUnlessAvailable();
        await server.InitializeAsync();
        var caseA = await server.StartAsync("SupervisedCase", "A", "SUP-A-1");
        var caseB = await server.StartAsync("SupervisedCase", "B", "SUP-B-1");
        var otherDesk = await server.StartAsync("OtherDesk", "B", "SUP-O-1");
        var runtime = server.Services.GetRequiredService<WorkflowRuntime>();
        var satosReview = (await Queries.CaseTasksAsync(caseB, WorkflowActor.System, Ct)).Single(t => t.ElementId == "Review");
        await runtime.ClaimTaskAsync(satosReview.Id, server.People["sato"], Ct);

        var managersOwn = (await Queries.InboxAsync(server.People["mori"], new PageRequest(1, 500), Ct)).Items;
        Assert.DoesNotContain(managersOwn, t => t.Id == satosReview.Id);

        var all = await SupervisedAsync("mori", null);
        Assert.Equal(2, all.Count(t => t.InstanceId == caseA));
        Assert.Equal(2, all.Count(t => t.InstanceId == caseB));
        Assert.Contains(all, t => t.Id == satosReview.Id && t.Assignee == "sato");
        Assert.DoesNotContain(all, t => t.InstanceId == otherDesk);

        // The other tests of this server hand sato tasks of their own cases too.
        bool OfThisTest(HumanTask t) => t.InstanceId == caseA || t.InstanceId == caseB || t.InstanceId == otherDesk;
        var satos = await SupervisedAsync("mori", "sato");
        Assert.Equal([satosReview.Id], satos.Where(OfThisTest).Select(t => t.Id));
        Assert.All(satos, t => Assert.Equal("sato", t.Assignee));

        var conflicted = await SupervisedAsync("kudo", null);
        Assert.DoesNotContain(conflicted, t => t.InstanceId == caseA);
        Assert.Equal(2, conflicted.Count(t => t.InstanceId == caseB));
        Assert.Equal([satosReview.Id], (await SupervisedAsync("kudo", "sato")).Where(OfThisTest).Select(t => t.Id));

        Assert.Contains(await SupervisedAsync("sup-admin", null), t => t.InstanceId == otherDesk);
        await Assert.ThrowsAsync<WorkflowForbiddenException>(() => SupervisedAsync("sato", null));
    }

    [Fact]
    public async Task A_conflicted_manager_finds_nothing_of_that_case_even_when_a_colleague_holds_its_task()
    {
        SkipUnlessAvailable();
        await server.InitializeAsync();
        var caseA = await server.StartAsync("SupervisedCase", "A", "SUP-A-2");
        var check = (await Queries.CaseTasksAsync(caseA, WorkflowActor.System, Ct)).Single(t => t.ElementId == "Check");
        await server.Services.GetRequiredService<WorkflowRuntime>().ClaimTaskAsync(check.Id, server.People["sato"], Ct);

        Assert.Contains(await SupervisedAsync("mori", "sato"), t => t.Id == check.Id);
        Assert.DoesNotContain(await SupervisedAsync("kudo", "sato"), t => t.InstanceId == caseA);
        Assert.DoesNotContain(await SupervisedAsync("kudo", null, All with { ElementId = "Check" }), t => t.InstanceId == caseA);
    }

    [Fact]
    public async Task Tasks_filter_by_step_and_sort_by_due_date_or_by_priority()
    {
        SkipUnlessAvailable();
        await server.InitializeAsync();
        var caseB = await server.StartAsync("SupervisedCase", "B", "SUP-B-3");

        var checks = await SupervisedAsync("mori", null, All with { ProcessId = "SupervisedCase", ElementId = "Check" });
        Assert.NotEmpty(checks);
        Assert.All(checks, t => Assert.Equal("Check", t.ElementId));
        Assert.Contains(checks, t => t.InstanceId == caseB);

        var mine = await SupervisedAsync("mori", null, All with { ProcessId = "SupervisedCase" });
        var byPriority = (await SupervisedAsync("mori", null, All with { ProcessId = "SupervisedCase", Order = TaskOrder.Priority })).ToList();
        Assert.Equal(90, byPriority[0].Priority);
        Assert.Equal(byPriority.Select(t => t.Priority).OrderDescending(), byPriority.Select(t => t.Priority));
        Assert.Equal(50, byPriority.First(t => t.ElementId == "Review").Priority);
        var ofCase = byPriority.Where(t => t.InstanceId == caseB).Select(t => t.ElementId);
        Assert.Equal(["Check", "Review"], ofCase);
        Assert.Equal(["Review", "Check"], mine.Where(t => t.InstanceId == caseB).Select(t => t.ElementId));

        // A clerk's own inbox (the candidate-group ranges) sorts and filters the same way.
        var clerk = server.People["sato"];
        var inbox = await Queries.QueryInboxAsync((await InboxOf(clerk)) with { Order = TaskOrder.Priority }, clerk, Ct);
        Assert.Equal(90, inbox.Items[0].Priority);
        var reviews = await Queries.QueryInboxAsync((await InboxOf(clerk)) with { ProcessId = "SupervisedCase", ElementId = "Review" }, clerk, Ct);
        Assert.NotEmpty(reviews.Items);
        Assert.All(reviews.Items, t => Assert.Equal("Review", t.ElementId));
    }

    [Fact]
    public async Task The_inbox_page_offers_managers_all_open_tasks_and_a_colleagues_and_refuses_a_clerk_the_view()
    {
        SkipUnlessAvailable();
        await server.InitializeAsync();
        await server.StartAsync("SupervisedCase", "B", "SUP-B-4");
        var manager = server.ClientFor("mori", groups: "label-issuing-manager,label-issuing-managers,label-issuing-staff", roles: "label-issuing-manager");
        var page = await manager.GetAsync("/inbox?view=all&step=SupervisedCase%3ACheck&sort=priority", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync(Ct);
        Assert.Contains("SUP-B-4", html);
        Assert.Contains("緊急確認", html);
        Assert.DoesNotContain(">審査</a>", html);
        Assert.Contains("value=\"colleague\"", html);

        var clerk = server.ClientFor("sato", groups: "label-issuing-staff", roles: "label-issuing-staff");
        var clerksPage = await (await clerk.GetAsync("/inbox?view=all", Ct)).Content.ReadAsStringAsync(Ct);
        Assert.DoesNotContain("value=\"colleague\"", clerksPage);
    }

    private Task<TaskQuery> InboxOf(WorkflowActor actor) =>
        server.Services.GetRequiredService<JcStar.Workflow.Runtime.Access.CaseAccessPolicy>().InboxAsync(actor, new PageRequest(1, 500), Ct);
}
