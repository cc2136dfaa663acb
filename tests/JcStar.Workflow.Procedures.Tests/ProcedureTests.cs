using System.Text.RegularExpressions;
using JcStar.Workflow.Scheme.Labels;
using MimeKit;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>The interesting path of each procedure in depth: trace, the letters read back, the mail as sent, the registry.</summary>
public sealed partial class ProcedureTests
{
    private const string Applicant = "株式会社さくらネットワークス";
    private const string ApplicantMail = "sato.hanako@sakura-networks.example.jp";
    private static readonly string[] Models = ["SR-100", "SR-100W", "SR-100-JP"];

    [GeneratedRegex(@"[\p{IsHiragana}\p{IsKatakana}\p{IsCJKUnifiedIdeographs}]")]
    private static partial Regex Japanese();

    private static void AssertMailCarries(MimeMessage message, string to, string attachmentName, params string[] subjectHas)
    {
        Assert.Matches(Japanese(), message.Subject);
        foreach (var s in subjectHas)
            Assert.Contains(s, message.Subject);
        Assert.Equal([to], message.To.Mailboxes.Select(m => m.Address));
        var attachment = Assert.Single(message.Attachments.OfType<MimePart>(), a => a.FileName == attachmentName);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", attachment.ContentType.MimeType);
        Assert.Matches(Japanese(), attachment.FileName);
    }

    [Fact]
    public async Task Self_declaration_grant_issues_the_label_with_its_number_every_model_and_two_years_validity_then_reminds_and_expires()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/granted");
        var report = run.Completed();
        ScenarioTests.AssertInOrder(["CheckCompleteness", "AcceptApplication", "AwaitFee", "ReviewChecklist", "GrantLabel", "RenderGrantNotice", "MailGrant", "PublishEntry", "PlanValidity", "ExpireLabel", "EndGranted"], run.Trace, run.Scenario);

        var grant = run.LetterText("grant-notice");
        Assert.Contains("JCS1-26-000001", grant);
        Assert.Contains("JCS-A-2026-00001", grant);
        Assert.Contains(Applicant, grant);
        Assert.Contains("さくらホームルーター SR-100", grant);
        Assert.All(Models, m => Assert.Contains(m, grant));
        Assert.Contains("★1", grant);
        Assert.DoesNotContain("{{", grant);

        var fee = run.LetterText("fee-request");
        Assert.Contains("198,000", fee);

        var mail = run.MailMessage("label-granted");
        AssertMailCarries(mail, ApplicantMail, "適合ラベル交付通知書_JCS-A-2026-00001.docx", "JCS1-26-000001");
        var acceptance = run.MailMessage("application-accepted");
        Assert.Equal(2, acceptance.Attachments.Count());
        Assert.Contains(acceptance.Attachments.OfType<MimePart>(), a => a.FileName == "申請受理票_JCS-A-2026-00001.docx");
        Assert.Contains(acceptance.Attachments.OfType<MimePart>(), a => a.FileName == "手数料請求書_JCS-A-2026-00001.docx");

        // Two reminders, 90 and 30 days before the expiry on 31 March 2028. 90 days before is 1 January (元日, in the
        // year-end closure): that reminder goes out on the last open day before it, Tuesday 28 December, and says
        // how many days are really left.
        var reminders = report.Mails.Where(m => m.Template == "expiry-reminder").Select(m => MimeMessage.Load(m.Path!)).ToList();
        Assert.Equal(2, reminders.Count);
        Assert.Equal([new DateOnly(2027, 12, 28), new DateOnly(2028, 3, 1)], reminders.Select(r => DateOnly.FromDateTime(r.Date.ToOffset(TimeSpan.FromHours(9)).Date)).Order());
        Assert.Contains(reminders, r => (r.TextBody ?? "").Contains("（94 日後）", StringComparison.Ordinal));
        Assert.Contains(reminders, r => (r.TextBody ?? "").Contains("（30 日後）", StringComparison.Ordinal));

        var entry = run.Scheme!.RegistryStore.Find("JCS1-26-000001")!;
        Assert.Equal(new DateOnly(2026, 4, 1), entry.IssueDate);
        Assert.Equal(entry.IssueDate.AddMonths(run.Scheme.Options.LabelValidityMonths).AddDays(-1), entry.ExpiryDate);
        Assert.Equal(RegistryStatus.Expired, entry.StatusOn(run.Today!.Value));
        Assert.Equal(RegistryStatus.Valid, entry.StatusOn(entry.ExpiryDate));
        Assert.Equal(new DateOnly(2026, 5, 1), entry.PublicationDate);
        Assert.Equal(["granted", "expired"], entry.History.Select(h => h.Kind));
    }

    [Fact]
    public async Task Self_declaration_refusal_states_the_reasons_and_enters_nothing_in_the_registry()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/refused-with-reasons");
        run.Completed();
        Assert.DoesNotContain("GrantLabel", run.Trace);
        var letter = run.LetterText("refusal-notice");
        Assert.Contains("全機種で共通の初期パスワードが設定されており適合していない", letter);
        Assert.Contains("JCS-A-2026-00001", letter);
        AssertMailCarries(run.MailMessage("label-refused"), ApplicantMail, "不交付通知書_JCS-A-2026-00001.docx", "JCS-A-2026-00001");
        Assert.Empty(run.Scheme!.RegistryStore.All());
    }

    [Fact]
    public async Task Self_declaration_correction_request_lists_the_missing_items_and_resubmission_resumes_the_check()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/granted-after-correction");
        run.Completed("waiting");
        Assert.Equal(2, run.Trace.Count(t => t == "CheckCompleteness"));
        var letter = run.LetterText("correction-request");
        Assert.Contains("委任状（様式2-3）に代表者印がありません", letter);
        Assert.Contains("令和8年5月1日", letter); // 30 days from 1 April, an open day
        AssertMailCarries(run.MailMessage("correction-request"), ApplicantMail, "補正依頼書_JCS-A-2026-00001.docx");
    }

    [Fact]
    public async Task A_correction_deadline_that_falls_in_Golden_Week_moves_to_the_first_open_day_after_it_in_the_letter_and_the_timer()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/correction-deadline-after-golden-week");
        var report = run.Completed();
        // 30 days from Saturday 4 April 2026 is 4 May (みどりの日); 5 May and 6 May (振替休日) are closed too.
        Assert.Contains("令和8年5月7日", run.LetterText("correction-request"));
        Assert.Equal("2026-05-07", report.Variables["correctionDueOn"].GetString());
        Assert.Equal("2026-05-08", report.Variables["withdrawnOn"].GetString());
    }

    [Fact]
    public async Task A_payment_deadline_that_falls_in_the_year_end_closure_is_printed_as_the_first_open_day_of_January_in_both_letters()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/review-due-after-year-end");
        var report = run.Completed("waiting");
        // Accepted on Tuesday 1 December 2026: 30 days is Thursday 31 December, inside the 29 December – 3 January
        // closure; Monday 4 January 2027 is the first open day.
        Assert.Equal("2027-01-04", report.Variables["paymentDueOn"].GetString());
        foreach (var template in new[] { "fee-request", "acceptance-form" })
        {
            var letter = run.LetterText(template);
            Assert.Contains("令和9年1月4日", letter);
            Assert.DoesNotContain("令和8年12月31日", letter);
            Assert.Contains("令和8年12月1日", letter); // the letter's own date
        }
    }

    [Fact]
    public async Task Every_letter_carries_its_own_document_number_recorded_with_the_case_and_addresses_the_company_through_its_representative()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/granted");
        var report = run.Completed();
        // The case records its own letters; the expiry reminders belong to the validity sub-process's record.
        var letters = report.Variables["letters"].EnumerateArray().ToList();
        Assert.Equal(["acceptance-form", "fee-request", "grant-notice"], letters.Select(l => l.GetProperty("template").GetString()).Order());
        var numbers = report.Documents.Select(d => Regex.Match(ScenarioRun.ReadLetter(d.Path!), "情推認第[0-9]+号").Value).ToList();
        Assert.All(numbers, n => Assert.NotEmpty(n));
        Assert.Equal(numbers.Count, numbers.Distinct().Count());
        foreach (var letter in letters)
        {
            var text = run.LetterText(letter.GetProperty("template").GetString()!);
            Assert.Contains(letter.GetProperty("documentNumber").GetString()!, text);
            Assert.Contains("代表取締役社長　山田 太郎　殿", text);
            Assert.DoesNotContain("貴殿", text);
        }
        Assert.Contains("貴社から", run.LetterText("grant-notice"));
    }

    [Fact]
    public async Task A_refusal_states_how_and_by_which_date_it_may_be_appealed()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/refused-with-reasons");
        run.Completed();
        var letter = run.LetterText("refusal-notice");
        Assert.Matches("令和[0-9]+年[0-9]+月[0-9]+日までに", letter);
        Assert.Contains("異議申立書", letter);
    }

    [Fact]
    public async Task Self_declaration_without_resubmission_is_withdrawn_with_a_withdrawal_letter()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/withdrawn-after-correction-deadline");
        var report = run.Completed();
        // The deadline is the whole of 1 May (30 days from 1 April): the case is withdrawn the next day.
        Assert.Equal("2026-05-02", report.Variables["withdrawnOn"].GetString());
        Assert.Contains("令和8年5月1日", run.LetterText("correction-request"));
        var letter = run.LetterText("withdrawal-notice");
        Assert.Contains("JCS-A-2026-00001", letter);
        Assert.Contains("補正期限までに再提出がありませんでした", letter);
        // Deemed withdrawn by the office: a decision that may be appealed, within 30 days of 2 May (Monday 1 June).
        Assert.Contains("この決定に不服がある場合は、令和8年6月1日までに", letter);
        AssertMailCarries(run.MailMessage("withdrawal-notice"), ApplicantMail, "取下げ通知書_JCS-A-2026-00001.docx", "JCS-A-2026-00001");
        Assert.Empty(run.Scheme!.RegistryStore.All());
    }

    [Fact]
    public async Task Self_declaration_review_past_its_deadline_opens_the_escalation_beside_the_review()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/review-escalated");
        run.Completed("waiting");
        var overdue = run.Trace.ToList().IndexOf("ReviewOverdue");
        var review = run.Trace.ToList().IndexOf("ReviewChecklist");
        Assert.True(overdue >= 0 && overdue < review, "the deadline passes while the review is still open, and the review continues");
        Assert.Contains("EscalateReview", run.Trace);
    }

    [Fact]
    public async Task Third_party_grant_names_the_evaluation_facility_in_the_letter_and_the_registry()
    {
        using var run = await ScenarioRun.RunAsync("third-party-certification/granted");
        run.Completed("waiting");
        var letter = run.LetterText("grant-notice");
        Assert.Contains("JCS3-26-000001", letter);
        Assert.Contains("MC-300-PTZ", letter);
        Assert.Contains("一般財団法人日本IoTセキュリティ評価センター", letter);
        AssertMailCarries(run.MailMessage("label-granted"), "takahashi.misaki@minato-denki.example.jp", "適合ラベル交付通知書_JCS-A-2026-00001.docx", "JCS3-26-000001");
        var entry = run.Scheme!.RegistryStore.Find("JCS3-26-000001")!;
        Assert.Equal("FAC-001", entry.EvaluationFacilityId);
        Assert.Equal(LabelLevel.Star3, entry.Level);
    }

    [Fact]
    public async Task Extension_moves_expiry_but_never_beyond_the_validity_setting_from_the_decision()
    {
        using var run = await ScenarioRun.RunAsync("label-extension/extended");
        run.Completed();
        var entry = run.Scheme!.RegistryStore.Find("JCS1-25-000001")!;
        var decided = new DateOnly(2027, 8, 1);
        Assert.Equal(decided.AddMonths(run.Scheme.Options.LabelValidityMonths).AddDays(-1), entry.ExpiryDate);
        Assert.True(entry.ExpiryDate > new DateOnly(2027, 9, 30));
        var letter = run.LetterText("extension-notice");
        Assert.Contains("JCS1-25-000001", letter);
        AssertMailCarries(run.MailMessage("label-extended"), ApplicantMail, "有効期間延長通知書_JCS1-25-000001.docx", "JCS1-25-000001");
    }

    [Fact]
    public async Task Extension_refused_leaves_the_expiry_as_it_was()
    {
        using var run = await ScenarioRun.RunAsync("label-extension/refused");
        run.Completed();
        Assert.Equal(new DateOnly(2027, 9, 30), run.Scheme!.RegistryStore.Find("JCS1-25-000001")!.ExpiryDate);
        var letter = run.LetterText("extension-refusal-notice");
        Assert.Contains("サポート期間が終了しており", letter);
        Assert.Contains("JCS1-25-000001", letter);
        Assert.DoesNotContain("交付しない", letter);
        AssertMailCarries(run.MailMessage("extension-refused"), ApplicantMail, "有効期間延長不承認通知書_JCS1-25-000001.docx", "JCS1-25-000001");
    }

    [Fact]
    public async Task Successor_maintenance_adds_the_successor_models_to_the_label_without_changing_its_validity()
    {
        using var run = await ScenarioRun.RunAsync("successor-maintenance/maintained");
        run.Completed();
        var entry = run.Scheme!.RegistryStore.Find("JCS1-25-000001")!;
        Assert.Equal(["SR-100", "SR-100W", "SR-100-JP", "SR-110", "SR-110W"], entry.Products.SelectMany(p => p.ModelNumbers));
        Assert.Equal("さくらホームルーター SR-100", entry.Products[^1].SuccessorOf);
        Assert.Equal(new DateOnly(2027, 9, 30), entry.ExpiryDate);
        var letter = run.LetterText("successor-maintenance-notice");
        Assert.Contains("SR-110W", letter);
    }

    [Fact]
    public async Task Successor_with_changed_security_functions_gets_the_new_application_letter_listing_what_failed()
    {
        using var run = await ScenarioRun.RunAsync("successor-maintenance/new-application-required");
        run.Completed();
        Assert.Single(run.Scheme!.RegistryStore.Find("JCS1-25-000001")!.Products);
        var letter = run.LetterText("new-application-instruction");
        Assert.Contains("さくらホームルーター SR-200", letter);
    }

    [Fact]
    public async Task Revocation_marks_the_entry_revoked_keeps_it_and_sends_the_reasons()
    {
        using var run = await ScenarioRun.RunAsync("label-revocation/revoked");
        run.Completed();
        var entry = run.Scheme!.RegistryStore.Find("JCS1-25-000001");
        Assert.NotNull(entry);
        Assert.Equal(new DateOnly(2026, 10, 1), entry.RevokedOn);
        Assert.Equal(RegistryStatus.Revoked, entry.StatusOn(run.Today!.Value));
        Assert.Contains("初期パスワードの固有化", entry.RevocationReason);
        var letter = run.LetterText("revocation-notice");
        Assert.Contains("JCS1-25-000001", letter);
        Assert.Contains("初期パスワードの固有化", letter);
        AssertMailCarries(run.MailMessage("label-revoked"), ApplicantMail, "取消通知書_JCS1-25-000001.docx", "JCS1-25-000001");
        var listed = Assert.Single(run.Scheme.Registry.PublicListOn(run.Today.Value));
        Assert.Equal(RegistryStatus.Revoked, listed.Status);
    }

    [Fact]
    public async Task Surveillance_improvement_without_effect_by_the_deadline_ends_in_revocation_through_the_revocation_procedure()
    {
        using var run = await ScenarioRun.RunAsync("surveillance/improvement-deadline-passed-revoked");
        run.Completed();
        ScenarioTests.AssertInOrder(["MailImprovement", "ImprovementDeadline", "DecideRevocation", "RevokeLabel", "MailRevocation", "Revoke"], run.Trace, run.Scenario);
        Assert.Contains("初期パスワードが全機種共通", run.LetterText("improvement-instruction"));
        // 30 days from 1 October is Saturday 31 October: the deadline moves to Monday 2 November and passes as that day ends.
        Assert.Contains("令和8年11月2日", run.LetterText("improvement-instruction"));
        // The instruction is a decision that may be appealed: 30 days from its date, off closed days (also 2 November).
        Assert.Contains("この決定に不服がある場合は、令和8年11月2日までに", run.LetterText("improvement-instruction"));
        // Revoked on 3 November (文化の日, the day after the deadline passed): appealable until Thursday 3 December.
        Assert.Contains("この決定に不服がある場合は、令和8年12月3日までに", run.LetterText("revocation-notice"));
        Assert.Equal(new DateOnly(2026, 11, 3), run.Scheme!.RegistryStore.Find("JCS1-25-000001")!.RevokedOn);
    }

    [Fact]
    public async Task Facility_approval_approves_the_facility_and_sends_the_approval_notice()
    {
        using var run = await ScenarioRun.RunAsync("facility-approval/approved");
        run.Completed();
        var facility = run.Scheme!.Facilities.Find("FAC-003")!;
        Assert.Equal(Scheme.Facilities.FacilityApprovalStatus.Approved, facility.Status);
        Assert.Equal(new DateOnly(2026, 4, 1), facility.ApprovedOn);
        var letter = run.LetterText("facility-approval-notice");
        Assert.Contains("株式会社関西セキュリティ試験所", letter);
        Assert.Contains("RTL06789", letter);
        AssertMailCarries(run.MailMessage("facility-approved"), "approval@kansai-seclab.example.jp", "評価機関承認通知書_FAC-003.docx");
    }

    [Fact]
    public async Task Facility_refusal_records_the_refusal_and_sends_a_facility_refusal_letter_with_reasons()
    {
        using var run = await ScenarioRun.RunAsync("facility-approval/refused");
        run.Completed();
        Assert.Equal(Scheme.Facilities.FacilityApprovalStatus.Refused, run.Scheme!.Facilities.Find("FAC-003")!.Status);
        var letter = run.LetterText("facility-refusal-notice");
        Assert.Contains("評価員の力量管理", letter);
        Assert.DoesNotContain("適合ラベルを交付しない", letter);
    }

    [Fact]
    public async Task Appeal_is_acknowledged_decided_and_closed_with_letters_to_the_appellant()
    {
        using var run = await ScenarioRun.RunAsync("appeals-complaints-disputes/upheld");
        var report = run.Completed();
        Assert.Equal("2026-06-15", report.Variables["acknowledgeByDate"].GetString());
        var ack = run.LetterText("appeal-acknowledgement");
        Assert.Contains("JCS-X-2026-0001", ack);
        Assert.Contains("JCS-A-2026-00007", ack);
        var decision = run.LetterText("appeal-decision");
        Assert.Contains("原決定を取り消し再審査とする", decision);
        AssertMailCarries(run.MailMessage("appeal-decided"), "takahashi.misaki@minato-denki.example.jp", "決定通知書_JCS-X-2026-0001.docx");
    }
}
