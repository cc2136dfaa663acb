using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class SchemeActivityTests
{
    // 2026-11-25 23:30 UTC is already 2026-11-26 in Japan: scheme dates are Japanese days.
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 23, 30, 0, TimeSpan.Zero);

    private static ImmutableDictionary<string, JsonElement> Vars(object anonymous) =>
        JsonSerializer.SerializeToElement(anonymous).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private static ActivityContext Context(string key, DateTimeOffset? now = null) =>
        new("inst-1", "JCS-A-2026-00001", "SelfDeclarationApplication", "def-1", "Element", key, 1, now ?? Now);

    private static object Application => new
    {
        applicationNumber = "JCS-A-2026-00001",
        level = "Star1",
        applicant = new { id = "supplier-1", name = "株式会社サンプル電機", email = "apply@example.jp" },
        product = new { name = "スマートカメラ SC-100", modelNumbers = new[] { "SC-100-W", "SC-100-B" } },
        publishedFields = new[] { "Supplier", "ProductName", "ModelNumbers" },
    };

    private static IActivityHandler Handler(SchemeServices scheme, string name) =>
        SchemeActivities.All(scheme).Single(h => h.Name == name);

    [Fact]
    public async Task Granting_through_the_activity_enters_the_registry_on_the_Japanese_date()
    {
        var scheme = SchemeServices.InMemory();
        var result = await Handler(scheme, "scheme.grant-label").ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        Assert.False(result.IsBpmnError);
        Assert.Equal("2026-11-26", result.Outputs["issueDate"].GetString());
        Assert.Equal("2028-11-25", result.Outputs["expiryDate"].GetString());
        var number = result.Outputs["registrationNumber"].GetString()!;
        Assert.Equal(RegistryStatus.Valid, scheme.RegistryStore.Find(number)!.StatusOn(new DateOnly(2026, 11, 26)));
    }

    [Fact]
    public async Task A_job_that_runs_twice_grants_once_and_answers_the_same()
    {
        var scheme = SchemeServices.InMemory();
        var grant = Handler(scheme, "scheme.grant-label");
        var first = await grant.ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        var second = await grant.ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        Assert.Equal(first.Outputs["registrationNumber"].GetString(), second.Outputs["registrationNumber"].GetString());
        Assert.Single(scheme.RegistryStore.All());
    }

    [Fact]
    public async Task A_scheme_rule_violation_becomes_a_BPMN_error_named_by_the_rule()
    {
        var scheme = SchemeServices.InMemory();
        var grant = Handler(scheme, "scheme.grant-label");
        await grant.ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        var again = await grant.ExecuteAsync(Vars(Application), Context("job-2"), TestContext.Current.CancellationToken);
        Assert.True(again.IsBpmnError);
        Assert.Equal("grant.duplicate", again.ErrorCode);
    }

    [Fact]
    public async Task A_missing_input_names_the_activity_and_the_variable_path()
    {
        var scheme = SchemeServices.InMemory();
        var e = await Assert.ThrowsAsync<ActivityInputException>(() =>
            Handler(scheme, "scheme.grant-label").ExecuteAsync(Vars(new { applicationNumber = "A", level = "Star1", applicant = new { id = "s" } }), Context("job-1"), TestContext.Current.CancellationToken));
        Assert.Equal("scheme.grant-label: input 'applicant.name' is missing; expected a string", e.Message);
    }

    [Fact]
    public async Task Acceptance_states_the_fee_for_the_level_from_the_settings()
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { FeesJpy = new() { ["Star1"] = 198_000 }, FeePaymentDeadlineDays = 14 });
        var result = await Handler(scheme, "scheme.accept-application").ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        Assert.Equal(198_000, result.Outputs["feeAmount"].GetInt64());
        Assert.Equal("2026-12-10", result.Outputs["paymentDueOn"].GetString());
    }

    [Fact]
    public async Task Validity_planning_gives_reminder_timer_dates_on_open_days_and_the_expiry_moment_in_Japan_time()
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { ExpiryReminderDaysBefore = [90, 30] });
        var granted = await Handler(scheme, "scheme.grant-label").ExecuteAsync(Vars(Application), Context("job-1"), TestContext.Current.CancellationToken);
        var plan = await Handler(scheme, "scheme.plan-validity").ExecuteAsync(
            Vars(new { registrationNumber = granted.Outputs["registrationNumber"].GetString() }), Context("job-2"), TestContext.Current.CancellationToken);
        var reminders = plan.Outputs["reminders"].EnumerateArray().ToList();
        // Expiry 25 November 2028: 90 days before is Sunday 27 August, so that reminder goes on Friday 25 August.
        Assert.Equal(["2028-08-25T00:00:00+09:00", "2028-10-26T00:00:00+09:00"], reminders.Select(r => r.GetProperty("at").GetString()));
        Assert.Equal([92, 30], reminders.Select(r => r.GetProperty("daysBefore").GetInt32())); // the days really left, as the letter prints them
        Assert.Equal("2028-11-26T00:00:00+09:00", plan.Outputs["expiresAt"].GetString());
    }

    [Fact]
    public async Task A_facility_with_a_conflict_is_reported_not_eligible_with_the_reason()
    {
        var scheme = SchemeServices.InMemory();
        scheme.Facilities.Save(new EvaluationFacility
        {
            Id = "lab-a",
            Name = "第一評価ラボ",
            Status = FacilityApprovalStatus.Approved,
            Accreditation = new Accreditation("IAJapan", "RTL-1", null),
        });
        scheme.Conflicts.Declare(new ConflictDeclaration("lab-a", "supplier-1", null, ConflictKind.DevelopedProduct, "製品開発に参加", new DateOnly(2026, 1, 1)));
        var vars = Vars(new { applicationNumber = "A-1", level = "Star3", facilityId = "lab-a", applicant = new { id = "supplier-1" }, product = new { name = "カメラ" } });
        var result = await Handler(scheme, "scheme.check-facility").ExecuteAsync(vars, Context("job-1"), TestContext.Current.CancellationToken);
        Assert.False(result.Outputs["facilityEligible"].GetBoolean());
        Assert.Contains("製品開発に参加", result.Outputs["facilityProblems"][0].GetString());
    }

    [Fact]
    public async Task An_appeal_gets_its_number_and_deadlines_in_business_days_and_days()
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { AppealAcknowledgeBusinessDays = 10, AppealDecisionDays = 60 });
        var result = await Handler(scheme, "scheme.register-appeal").ExecuteAsync(Vars(new { kind = "appeal" }), Context("job-1"), TestContext.Current.CancellationToken);
        Assert.Equal("JCS-X-2026-0001", result.Outputs["appealNumber"].GetString());
        Assert.Equal("2026-12-10", result.Outputs["acknowledgeByDate"].GetString());
        Assert.Equal("2027-01-25", result.Outputs["decideByDate"].GetString());
        Assert.Equal("2027-01-26T00:00:00+09:00", result.Outputs["decideBy"].GetString());
    }

    [Fact]
    public async Task The_appeal_handler_check_refuses_the_person_who_made_the_decision()
    {
        var scheme = SchemeServices.InMemory();
        var result = await Handler(scheme, "scheme.check-appeal-handler").ExecuteAsync(
            Vars(new { appealNumber = "X-1", handler = "tanaka", decisionMadeBy = "tanaka" }), Context("job-1"), TestContext.Current.CancellationToken);
        Assert.False(result.Outputs["handlerImpartial"].GetBoolean());
        var ok = await Handler(scheme, "scheme.check-appeal-handler").ExecuteAsync(
            Vars(new { appealNumber = "X-1", handler = "suzuki", decisionMadeBy = "tanaka" }), Context("job-2"), TestContext.Current.CancellationToken);
        Assert.True(ok.Outputs["handlerImpartial"].GetBoolean());
    }

    [Fact]
    public void Every_scheme_activity_has_a_distinct_name_under_the_scheme_prefix()
    {
        var names = SchemeActivities.All(SchemeServices.InMemory()).Select(h => h.Name).ToList();
        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, n => Assert.StartsWith("scheme.", n));
    }
}
