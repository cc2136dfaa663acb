using System.Text.Json;
using MimeKit;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>The scheme as it is operated (issue 17): ★3・★4 fees, report and review due dates, and the procedures' missing turns, read back from letters and mail.</summary>
public sealed class OperatedSchemeTests
{
    private const string MinatoMail = "takahashi.misaki@minato-denki.example.jp";

    [Fact]
    public async Task A_star3_application_is_charged_its_fee_with_a_dated_request_and_evaluation_waits_for_payment()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/granted");
        var report = run.Completed("waiting");
        var request = run.LetterText("fee-request");
        Assert.Contains("550,000円", request);
        Assert.Contains("令和8年5月1日", request);
        Assert.Contains("JCS-A-2026-00001", request);
        var mail = run.MailMessage("application-accepted");
        Assert.Equal([MinatoMail], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("550,000 円", mail.TextBody);
        Assert.Contains(mail.Attachments.OfType<MimePart>(), a => a.FileName == "手数料請求書_JCS-A-2026-00001.docx");
        Assert.Contains("納付してください", run.LetterText("acceptance-form"));
        Assert.Equal("paid", report.Variables["feeStatus"].GetString());
        var trace = run.Trace.ToList();
        Assert.True(trace.IndexOf("AwaitFee") < trace.IndexOf("SelectFacility"), "the facility is selected only once the fee is paid");
    }

    [Fact]
    public async Task An_unpaid_star3_fee_withdraws_the_application_at_the_deadline_with_the_reason_in_the_letter()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/withdrawn-unpaid");
        var report = run.Completed();
        Assert.Equal("unpaid", report.Variables["feeStatus"].GetString());
        Assert.Contains("支払期限までに手数料の入金がありませんでした", run.LetterText("withdrawal-notice"));
        Assert.DoesNotContain("SelectFacility", run.Trace);
    }

    [Fact]
    public async Task The_evaluation_report_has_a_business_day_due_date_and_the_facility_is_reminded_before_it()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/evaluation-report-reminded");
        var report = run.Completed("waiting");
        // Selected on 1 April 2026: 90 days is Tuesday 30 June; 14 days before is Tuesday 16 June.
        Assert.Equal("2026-06-30", report.Variables["evaluationReportDueOn"].GetString());
        Assert.Equal("2026-06-16", report.Variables["evaluationReportRemindOn"].GetString());
        var reminder = run.MailMessage("evaluation-report-reminder");
        Assert.Equal(["evaluation@jiotsec.example.jp"], reminder.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("2026年6月30日", reminder.TextBody);
        Assert.Contains("一般財団法人日本IoTセキュリティ評価センター", reminder.TextBody);
        Assert.Equal(JsonValueKind.String, report.Variables["evaluationReportDueAt"].ValueKind);
    }

    [Fact]
    public async Task A_review_due_in_the_year_end_closure_is_due_on_the_first_open_day_and_is_not_escalated_before_it()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/review-due-after-year-end");
        var report = run.Completed("waiting");
        // 30 days from 1 December 2026 is 31 December, inside the 29 December – 3 January closure.
        Assert.Equal("2027-01-04", report.Variables["reviewDueOn"].GetString());
        // Due at the end of that day in Japan: the start of the next.
        Assert.Equal("2027-01-05T00:00:00+09:00", report.Variables["reviewDueAt"].GetString());
        Assert.DoesNotContain("ReviewOverdue", run.Trace);
        Assert.DoesNotContain("EscalateReview", run.Trace);
    }

    [Fact]
    public async Task A_review_past_its_calendar_due_date_is_escalated()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/review-escalated");
        var report = run.Completed("waiting");
        Assert.Equal("2026-05-01", report.Variables["reviewDueOn"].GetString());
        Assert.Contains("ReviewOverdue", run.Trace);
    }

    [Fact]
    public async Task An_extension_filed_after_expiry_is_refused_at_once_with_the_reason_in_the_letter()
    {
        using var run = await ScenarioRun.RunAsync("label-extension/refused-after-expiry");
        run.Completed();
        Assert.DoesNotContain("ReviewExtension", run.Trace);
        var letter = run.LetterText("extension-refusal-notice");
        Assert.Contains("有効期限を経過した後に行われた", letter);
        Assert.Contains("令和9年9月30日", letter);
        Assert.Contains("異議申立書", letter);
    }

    [Fact]
    public async Task An_extension_filed_on_the_expiry_date_and_decided_after_it_is_granted_and_the_new_period_is_managed_by_this_case()
    {
        using var run = await ScenarioRun.RunAsync("label-extension/extended-after-expiry-filed-in-time");
        var report = run.Completed("waiting");
        var entry = run.Scheme!.RegistryStore.Find("JCS1-25-000001")!;
        Assert.Equal(new DateOnly(2029, 9, 30), entry.ExpiryDate);
        Assert.Contains("令和11年9月30日", run.LetterText("extension-notice"));
        // The old period's validity case ended at expiry, so this case plans the new one: two reminders and the expiry.
        Assert.Equal(["ExpiryDue", "ReminderDue", "ReminderDue"], report.Timers.Select(t => t.Element).Order(StringComparer.Ordinal));
        Assert.DoesNotContain("EndExtended", run.Trace);
    }

    [Fact]
    public async Task An_extension_decided_before_the_expiry_leaves_the_period_to_the_running_validity_case()
    {
        using var run = await ScenarioRun.RunAsync("label-extension/extended");
        var report = run.Completed();
        Assert.Contains("EndExtended", run.Trace);
        Assert.DoesNotContain("PlanValidity", run.Trace);
        Assert.Empty(report.Timers);
    }

    [Fact]
    public async Task A_revocation_records_who_decided_it_from_the_case_history_in_the_case_and_the_registry()
    {
        using var run = await ScenarioRun.RunAsync("label-revocation/revoked");
        var report = run.Completed();
        Assert.Equal("kimura.manager", report.Variables["revokedBy"].GetString());
        Assert.Equal("kimura.manager", report.Variables["decisionMadeBy"].GetString());
        var decision = Assert.Single(report.Variables["decisions"].EnumerateArray());
        Assert.Equal("DecideRevocation", decision.GetProperty("task").GetString());
        Assert.Equal("kimura.manager", decision.GetProperty("by").GetString());
        Assert.True(decision.GetProperty("outcome").GetBoolean());
        var revoked = Assert.Single(run.Scheme!.RegistryStore.All().SelectMany(e => e.History), h => h.Kind == "revoked");
        Assert.Equal("kimura.manager", revoked.By);
    }

    [Fact]
    public async Task Every_decision_of_a_case_is_recorded_with_who_made_it_and_the_grant_carries_the_decision_maker()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/granted");
        var report = run.Completed();
        Assert.Equal("kato.yui", report.Variables["decisionMadeBy"].GetString());
        var decision = Assert.Single(report.Variables["decisions"].EnumerateArray());
        Assert.Equal(("ReviewChecklist", "kato.yui", "grant"), (decision.GetProperty("task").GetString(), decision.GetProperty("by").GetString(), decision.GetProperty("outcome").GetString()));
        var granted = Assert.Single(run.Scheme!.RegistryStore.All().SelectMany(e => e.History), h => h.Kind == "granted");
        Assert.Equal("kato.yui", granted.By);
    }

    [Fact]
    public async Task An_appeal_decision_is_recorded_apart_from_the_appealed_decision_maker()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/upheld");
        var report = run.Completed();
        var decision = Assert.Single(report.Variables["decisions"].EnumerateArray());
        Assert.Equal("DecideAppeal", decision.GetProperty("task").GetString());
        Assert.Equal(decision.GetProperty("by").GetString(), report.Variables["appealDecidedBy"].GetString());
        Assert.NotEqual(report.Variables["decisionMadeBy"].GetString(), report.Variables["appealDecidedBy"].GetString());
    }

    [Fact]
    public async Task An_upheld_appeal_opens_a_correction_task_for_the_group_that_handles_the_appealed_case_with_the_case_linked()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/upheld-awaiting-correction");
        var report = run.Completed("waiting");
        var task = Assert.Single(report.OpenTasks);
        Assert.Equal("CorrectAppealedCase", task.Element);
        Assert.Equal(["label-issuing-staff"], task.CandidateGroups);
        Assert.Equal("c0ffee00-0000-4000-8000-000000000003", report.Variables["subjectCaseId"].GetString());
        Assert.Contains("申立てを認める", run.LetterText("appeal-decision"));
        Assert.Contains("担当部署において決定のとおり是正", run.MailMessage("appeal-decided").TextBody);
    }

    [Fact]
    public async Task A_complaint_runs_its_own_path_to_a_response_and_corrective_action()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/complaint-substantiated");
        var report = run.Completed();
        Assert.DoesNotContain("DecideAppeal", run.Trace);
        Assert.Contains("TakeCorrectiveAction", run.Trace);
        Assert.Contains("苦情を受け付けました", run.LetterText("appeal-acknowledgement"));
        Assert.Contains("苦情の内容を認め、是正処置を講じる", run.LetterText("appeal-decision"));
        Assert.Contains("山本 健一　様", run.LetterText("appeal-decision"));
        Assert.Equal("substantiated", report.Variables["closedWith"].GetString());
    }

    [Fact]
    public async Task A_dispute_runs_its_own_path_to_a_settlement_without_corrective_action()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/dispute-settled");
        var report = run.Completed();
        Assert.Contains("SettleDispute", run.Trace);
        Assert.DoesNotContain("DecideAppeal", run.Trace);
        Assert.DoesNotContain("TakeCorrectiveAction", run.Trace);
        Assert.Contains("紛争は解決した", run.LetterText("appeal-decision"));
        Assert.Contains("区分: 紛争", run.MailMessage("appeal-decided").TextBody);
        Assert.Equal("settled", report.Variables["closedWith"].GetString());
    }

    [Fact]
    public async Task An_appeal_left_unassigned_past_its_acknowledgement_date_is_escalated_to_the_scheme_managers()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/assignment-overdue-escalated");
        run.Completed();
        var trace = run.Trace.ToList();
        Assert.True(trace.IndexOf("AssignmentOverdue") < trace.IndexOf("AssignHandler"), "the escalation comes while the assignment is still open");
        Assert.Contains("EscalateAssignment", trace);
    }

    [Fact]
    public async Task Facility_approval_records_the_three_documents_and_the_approval_letter_names_them()
    {
        using var run = await ScenarioRun.RunAsync("facility-approval/approved");
        var report = run.Completed();
        var documents = report.Variables["facilityDocuments"].EnumerateArray().Select(d => d.GetProperty("document").GetString()).ToList();
        Assert.Equal(["qualityManual", "compliancePledge", "confidentialityUndertaking"], documents);
        Assert.True(report.Variables["documentsChecked"].GetBoolean());
        var letter = run.LetterText("facility-approval-notice");
        Assert.Contains("KSL-QM-001 第5版", letter);
        Assert.Contains("KSL-NDA-2026 第1版", letter);
    }

    [Fact]
    public async Task A_facility_whose_documents_are_not_all_confirmed_is_not_approved_even_when_the_reviewer_chose_approve()
    {
        using var run = await ScenarioRun.RunAsync("facility-approval/refused-documents-not-confirmed");
        run.Completed();
        Assert.DoesNotContain("ApproveFacility", run.Trace);
        Assert.Contains("秘密保持の誓約書", run.LetterText("facility-refusal-notice"));
        Assert.NotEqual(Scheme.Facilities.FacilityApprovalStatus.Approved, run.Scheme!.Facilities.Find("FAC-003")!.Status);
    }

    [Fact]
    public async Task Scheduled_surveillance_samples_by_the_rule_from_settings_on_its_round_date_and_staff_confirm_it()
    {
        using var run = await ScenarioRun.RunAsync("surveillance-planning/quarterly-round-confirmed");
        var report = run.Completed("waiting");
        var sample = report.Variables["sample"].EnumerateArray().Select(s => s.GetProperty("registrationNumber").GetString()).Order(StringComparer.Ordinal).ToList();
        // Issued on 20 June 2026, JCS1-26-000003 has not been valid three months on 1 July.
        Assert.Equal(["JCS1-26-000001", "JCS1-26-000002", "JCS2-26-000001", "JCS2-26-000002"], sample);
        Assert.Contains("最大5件", report.Variables["samplingRule"].GetString());
        Assert.Equal("2026-10-01", report.Variables["surveillanceRound"].GetProperty("on").GetString());
        var trace = run.Trace.ToList();
        Assert.True(trace.IndexOf("ConfirmSelection") < trace.LastIndexOf("PlanRound"), "the next round is planned once staff confirmed this one");
    }

    [Fact]
    public async Task Confirming_a_surveillance_round_starts_a_surveillance_for_each_confirmed_label_with_its_registry_data()
    {
        using var run = await ScenarioRun.RunAsync("surveillance-planning/quarterly-round-confirmed");
        var report = run.Completed("waiting");
        var investigations = report.OpenTasks.Where(t => t.Element == "Investigate").ToList();
        Assert.Equal(4, investigations.Count);
        Assert.All(investigations, t => Assert.Equal(["label-issuing-staff"], t.CandidateGroups));
        var targets = report.Variables["surveillanceTargets"].EnumerateArray().ToList();
        Assert.Equal(["JCS1-26-000001", "JCS1-26-000002", "JCS2-26-000001", "JCS2-26-000002"],
            targets.Select(t => t.GetProperty("registrationNumber").GetString()).Order(StringComparer.Ordinal));
        var camera = targets.Single(t => t.GetProperty("registrationNumber").GetString() == "JCS2-26-000002");
        Assert.Equal("Star2", camera.GetProperty("level").GetString());
        Assert.Equal("みなと電機株式会社", camera.GetProperty("applicant").GetProperty("name").GetString());
        Assert.Equal("みなとネットワークカメラ MC-300", camera.GetProperty("product").GetProperty("name").GetString());
        // The next round does not wait for this one's surveillance to end.
        Assert.Contains(report.Timers, t => t.Element == "RoundDue");
    }

    [Fact]
    public async Task Only_the_labels_staff_confirmed_are_surveilled_and_the_round_is_carried_out_when_each_surveillance_ends()
    {
        using var run = await ScenarioRun.RunAsync("surveillance-planning/two-confirmed-carried-out");
        var report = run.Completed("waiting");
        Assert.Equal(2, run.Trace.Count(e => e == "EndNoAction"));
        Assert.Equal(["JCS1-26-000001", "JCS2-26-000002"], report.Variables["surveillanceTargets"].EnumerateArray().Select(t => t.GetProperty("registrationNumber").GetString()));
        Assert.Equal("RoundCarriedOut", run.Trace[^1]);
        Assert.Empty(report.OpenTasks);
        Assert.Contains(report.Timers, t => t.Element == "RoundDue");
    }
}
