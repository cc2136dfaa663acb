using MimeKit;

namespace JcStar.Workflow.Procedures.Tests;

/// <summary>The ★1 review item by item (S1.1-01 … S1.1-16): the refusal letter and the question's correction request, read back.</summary>
public sealed class ChecklistReviewTests
{
    [Fact]
    public async Task A_refusal_letter_lists_each_item_that_does_not_conform_with_its_reason_and_no_other()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/refused-with-reasons");
        var report = run.Completed();
        var letter = run.LetterText("refusal-notice");
        Assert.Contains("次のチェックリスト項目が適合していません。", letter);
        Assert.Contains("・S1.1-02：全機種で共通の初期パスワードが設定されており、初期パスワードが機器ごとに固有になっていない。", letter);
        Assert.DoesNotContain("S1.1-01", letter);
        Assert.DoesNotContain("S1.1-16", letter);
        Assert.DoesNotContain("{%", letter);
        var failed = Assert.Single(report.Variables["failedItems"].EnumerateArray());
        Assert.Equal("S1.1-02", failed.GetProperty("requirementId").GetString());
        Assert.Equal(16, report.Variables["checklistReview"].GetArrayLength());
    }

    [Fact]
    public async Task A_question_goes_to_the_applicant_as_a_correction_request_listing_the_questioned_items()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/question-then-granted");
        run.Completed("waiting");
        var trace = run.Trace.ToList();
        Assert.True(trace.IndexOf("RenderQuestionLetter") < trace.IndexOf("MailQuestion"), string.Join(" ", trace));

        var letter = run.LetterText("correction-request");
        Assert.Contains("チェックリストの審査において確認を要する事項がありました", letter);
        Assert.Contains("・S1.1-05：ソフトウェア更新を利用者に通知する方法が確認できません。", letter);
        Assert.DoesNotContain("S1.1-04", letter);
        Assert.DoesNotContain("取り下げたものとして取り扱います", letter);
        Assert.Matches("令和[0-9]+年[0-9]+月[0-9]+日", letter);

        var mail = run.MailMessage("review-question");
        Assert.Equal(["sato.hanako@sakura-networks.example.jp"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Contains("・S1.1-05：ソフトウェア更新を利用者に通知する方法が確認できません。", mail.TextBody);
        Assert.Contains(mail.Attachments.OfType<MimePart>(), a => a.FileName == "補正依頼書_審査_JCS-A-2026-00001.docx");
    }

    [Fact]
    public async Task A_correction_request_for_missing_documents_keeps_its_withdrawal_warning_and_lists_no_checklist_question()
    {
        using var run = await ScenarioRun.RunAsync("self-declaration-application/granted-after-correction");
        run.Completed("waiting");
        var letter = run.LetterText("correction-request");
        Assert.Contains("取り下げたものとして取り扱います", letter);
        Assert.DoesNotContain("・S1.1-", letter);
    }
}
