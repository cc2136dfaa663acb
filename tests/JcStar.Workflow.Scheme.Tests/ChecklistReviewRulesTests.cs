using System.Text.Json;
using JcStar.Workflow.Scheme.Checklists;

namespace JcStar.Workflow.Scheme.Tests;

/// <summary>The rules the checklist-review form is held to before the task completes (and the case again after it).</summary>
public sealed class ChecklistReviewRulesTests
{
    private static Dictionary<string, JsonElement> AllConform(string decision)
    {
        var data = Enumerable.Range(1, 16).ToDictionary(ChecklistReview.JudgementKey, _ => JsonSerializer.SerializeToElement("conforms"));
        data["decision"] = JsonSerializer.SerializeToElement(decision);
        return data;
    }

    private static IReadOnlyDictionary<string, string[]> Validate(Dictionary<string, JsonElement> data, string level = "Star1") =>
        ChecklistReview.Validate(level, k => data.TryGetValue(k, out var v) ? v : null);

    private static JsonElement Json(string text) => JsonSerializer.SerializeToElement(text);

    [Fact]
    public void A_grant_with_all_sixteen_items_conforming_is_valid()
    {
        Assert.Empty(Validate(AllConform("grant")));
    }

    [Fact]
    public void A_star1_review_that_leaves_an_item_unjudged_names_that_item()
    {
        var data = AllConform("grant");
        data.Remove("item07");
        var error = Assert.Single(Validate(data));
        Assert.Equal("item07", error.Key);
        Assert.Contains("S1.1-07", error.Value.Single());
    }

    [Theory]
    [InlineData("doesNotConform", "refuse")]
    [InlineData("question", "question")]
    public void An_item_that_does_not_conform_or_is_questioned_needs_its_reason(string judgement, string decision)
    {
        var data = AllConform(decision);
        data["item03"] = Json(judgement);
        var error = Assert.Single(Validate(data));
        Assert.Equal("item03Reason", error.Key);
        Assert.Contains("S1.1-03", error.Value.Single());

        data["item03Reason"] = Json("   ");
        Assert.Equal("item03Reason", Assert.Single(Validate(data)).Key);
        data["item03Reason"] = Json("証拠が不足している");
        Assert.Empty(Validate(data));
    }

    [Fact]
    public void A_grant_over_an_item_that_does_not_conform_is_refused_by_name()
    {
        var data = AllConform("grant");
        data["item12"] = Json("doesNotConform");
        data["item12Reason"] = Json("脆弱性の連絡窓口がない");
        var error = Assert.Single(Validate(data));
        Assert.Equal("decision", error.Key);
        Assert.Contains("S1.1-12", error.Value.Single());
    }

    [Fact]
    public void A_refusal_or_a_question_without_such_an_item_is_refused()
    {
        Assert.Equal("decision", Assert.Single(Validate(AllConform("refuse"))).Key);
        Assert.Equal("decision", Assert.Single(Validate(AllConform("question"))).Key);
    }

    [Fact]
    public void A_judgement_that_is_not_one_of_the_three_is_named()
    {
        var data = AllConform("grant");
        data["item01"] = Json("maybe");
        var error = Assert.Single(Validate(data));
        Assert.Equal("item01", error.Key);
        Assert.Contains("'maybe'", error.Value.Single());
    }

    [Fact]
    public void A_star2_review_may_refuse_with_its_reasons_alone_but_not_with_nothing()
    {
        var data = new Dictionary<string, JsonElement> { ["decision"] = Json("refuse") };
        Assert.Equal("decision", Assert.Single(Validate(data, "Star2")).Key);
        data["reasons"] = Json("★2 の要件を満たさない");
        Assert.Empty(Validate(data, "Star2"));
    }

    [Fact]
    public void The_review_is_read_in_checklist_order_with_the_reasons_trimmed()
    {
        var data = AllConform("refuse");
        data["item09"] = Json("doesNotConform");
        data["item09Reason"] = Json("  理由  ");
        data["item02"] = Json("question");
        data["item02Reason"] = Json("質問");
        var items = ChecklistReview.Read(k => data.TryGetValue(k, out var v) ? v : null);
        Assert.Equal(16, items.Length);
        Assert.Equal(new JudgedItem("S1.1-02", ItemJudgement.Question, "質問"), items[1]);
        Assert.Equal(new JudgedItem("S1.1-09", ItemJudgement.DoesNotConform, "理由"), items[8]);
    }
}
