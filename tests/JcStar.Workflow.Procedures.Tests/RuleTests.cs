using System.CommandLine;
using System.Text.Json;
using JcStar.Workflow.Cli;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>The scheme's rules, shown by running the procedures (JSS-01 6.1, 6.2, 5.2, PROCEDURES.md validity).</summary>
public sealed class RuleTests
{
    [Fact]
    public async Task A_facility_with_a_declared_conflict_is_not_assigned_and_the_case_goes_back_to_selection()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/facility-with-conflict-rejected-then-another-assigned");
        var report = run.Ran();
        var trace = run.Trace.ToList();
        Assert.Equal(2, trace.Count(t => t == "SelectFacility"));
        Assert.Equal(2, trace.Count(t => t == "CheckFacility"));
        // The evaluation is offered only once, and only after the second (impartial) choice.
        // (its report deadline is set in between, through the business calendar).
        Assert.Equal(trace.LastIndexOf("FacilityEligible") + 1, trace.IndexOf("SetReportDeadline"));
        Assert.Equal(trace.IndexOf("SetReportDeadline") + 1, trace.IndexOf("SubmitEvaluationReport"));
        // The conflicted facility never evaluated or entered the registry.
        Assert.Equal("FAC-001", report.Variables["facilityId"].GetString());
        Assert.All(run.Scheme!.RegistryStore.All(), e => Assert.Equal("FAC-001", e.EvaluationFacilityId));
        var problems = run.Scheme.Impartiality.FacilityProblems("FAC-002", new("JCS-A-2026-00001", LabelLevel.Star3, "SUP-0002", "みなとネットワークカメラ MC-300"), new DateOnly(2026, 4, 1));
        Assert.Contains(problems, p => p.Contains("conflict of interest", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_conflicted_facility_chosen_alone_never_reaches_the_evaluation()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/facility-with-conflict-rejected-then-another-assigned");
        // Before the second selection the process waited at SelectFacility again: the report shows the first check said no.
        var trace = run.Trace.ToList();
        var firstCheck = trace.IndexOf("FacilityEligible");
        Assert.Equal("SelectFacility", trace[firstCheck + 1]);
    }

    [Fact]
    public async Task The_person_who_made_the_decision_cannot_handle_the_appeal_against_it_and_neither_can_a_conflicted_one()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/handler-is-decision-maker-reassigned");
        var report = run.Completed();
        Assert.Equal(3, run.Trace.Count(t => t == "AssignHandler"));
        Assert.Equal(3, run.Trace.Count(t => t == "CheckHandler"));
        Assert.Equal("mori.handler", report.Variables["handler"].GetString());
        Assert.True(report.Variables["handlerImpartial"].GetBoolean());
        var subject = new Scheme.Impartiality.CaseSubject("JCS-A-2026-00007", LabelLevel.Star3, "SUP-0002", "みなとネットワークカメラ MC-300");
        Assert.Contains(run.Scheme!.Impartiality.AppealHandlerProblems("ogawa.cb", "ogawa.cb", subject), p => p.Contains("made the decision under appeal", StringComparison.Ordinal));
        Assert.NotEmpty(run.Scheme.Impartiality.AppealHandlerProblems("fujita.handler", "ogawa.cb", subject));
    }

    [Theory]
    [InlineData("label-revocation/revoked")]
    [InlineData("surveillance/revoked-directly")]
    [InlineData("surveillance/improvement-not-effective-revoked")]
    [InlineData("unauthorized-label-use/deadline-passed-revoked")]
    public async Task A_revoked_label_stays_in_the_registry_marked_revoked(string scenario)
    {
        using var run = await ScenarioRun.RunAsync(scenario);
        run.Completed();
        var entry = Assert.Single(run.Scheme!.RegistryStore.All());
        Assert.Equal("JCS1-25-000001", entry.RegistrationNumber);
        Assert.Equal(RegistryStatus.Revoked, entry.StatusOn(run.Today!.Value));
        Assert.False(string.IsNullOrWhiteSpace(entry.RevocationReason));
        Assert.Equal("revoked", entry.History[^1].Kind);
        Assert.Equal(RegistryStatus.Revoked, Assert.Single(run.Scheme.Registry.PublicListOn(run.Today.Value)).Status);
    }

    [Theory]
    [InlineData("self-declaration-application/granted")]
    [InlineData("self-declaration-application/review-escalated")]
    [InlineData("third-party-certification/granted")]
    [InlineData("label-extension/extended")]
    [InlineData("successor-maintenance/maintained")]
    public async Task Validity_never_exceeds_the_setting_from_issue_or_from_the_extension_decision(string scenario)
    {
        using var run = await ScenarioRun.RunAsync(scenario);
        run.Ran();
        var months = run.Scheme!.Options.LabelValidityMonths;
        Assert.NotEmpty(run.Scheme.RegistryStore.All());
        foreach (var entry in run.Scheme.RegistryStore.All())
        {
            Assert.True(entry.ExpiryDate <= entry.IssueDate.AddMonths(months).AddDays(-1) || entry.History.Any(h => h.Kind == "extended"), $"{entry.RegistrationNumber}: expiry {entry.ExpiryDate} is more than {months} months after issue {entry.IssueDate}");
            foreach (var extension in entry.History.Where(h => h.Kind == "extended"))
                Assert.True(entry.ExpiryDate <= extension.On.AddMonths(months).AddDays(-1), $"{entry.RegistrationNumber}: extended on {extension.On} to {entry.ExpiryDate}");
        }
    }

    [Theory]
    [InlineData("self-declaration-application/granted")]
    [InlineData("label-revocation/revoked")]
    [InlineData("successor-maintenance/maintained")]
    public async Task Confidential_notes_never_reach_the_public_registry_a_letter_or_a_mail(string scenario)
    {
        using var run = await ScenarioRun.RunAsync(scenario);
        run.Ran();
        var entries = run.Scheme!.RegistryStore.All();
        var notes = Assert.Single(entries).ConfidentialNotes;
        Assert.False(string.IsNullOrEmpty(notes), "the scenario gives the label confidential notes");
        var publicJson = JsonSerializer.Serialize(run.Scheme.Registry.PublicListOn(new DateOnly(2030, 1, 1)), new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.NotEqual("[]", publicJson);
        Assert.DoesNotContain(notes!, publicJson);
        Assert.DoesNotContain("社内限り", publicJson);
        Assert.DoesNotContain("社内限り", JsonSerializer.Serialize(run.Report!.Registry, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
        foreach (var (what, text) in run.Everything())
            Assert.False(text.Contains("社内限り", StringComparison.Ordinal), $"{what} shows the confidential notes");
    }

    [Fact]
    public void Every_workflow_passes_jcstar_validate_without_errors()
    {
        var root = new RootCommand { ValidateCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = root.Parse(["validate", RepositoryPaths.InRepo("workflows")]).Invoke(new InvocationConfiguration { Output = output, Error = error });
        var lines = (output + "\n" + error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(exit == 0, string.Join("\n", lines));
        Assert.All(lines, l => Assert.StartsWith("warning: ", l));
        // The ten procedures and the planning of scheduled surveillance.
        Assert.Equal(11, Directory.EnumerateFiles(RepositoryPaths.InRepo("workflows"), "*.bpmn").Count());
    }
}
