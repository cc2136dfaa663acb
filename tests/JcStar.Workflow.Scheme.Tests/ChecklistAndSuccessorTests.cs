using JcStar.Workflow.Scheme.Calendar;
using JcStar.Workflow.Scheme.Checklists;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Maintenance;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class ChecklistAndSuccessorTests
{
    private static List<ChecklistItemResult> AllConforming() =>
        [.. Star1Checklist.RequirementIds.Select(id => new ChecklistItemResult(id, AssessmentMethod.DocumentReview, ConformanceResult.Conforms))];

    [Fact]
    public void The_star1_checklist_has_sixteen_requirements_S1_1_01_to_16()
    {
        Assert.Equal(16, Star1Checklist.RequirementIds.Length);
        Assert.Equal("S1.1-01", Star1Checklist.RequirementIds[0]);
        Assert.Equal("S1.1-16", Star1Checklist.RequirementIds[^1]);
    }

    [Fact]
    public void A_checklist_where_every_item_conforms_or_is_justified_not_applicable_passes()
    {
        var results = AllConforming();
        results[3] = results[3] with { Result = ConformanceResult.NotApplicable, Justification = "無線機能を持たないため" };
        Assert.Empty(Star1Checklist.Review(results));
    }

    [Fact]
    public void Each_item_that_does_not_conform_is_missing_or_unjustified_is_reported()
    {
        var results = AllConforming();
        results[0] = results[0] with { Result = ConformanceResult.DoesNotConform };
        results[1] = results[1] with { Result = ConformanceResult.NotApplicable };
        results.RemoveAt(15);
        results.Add(new ChecklistItemResult("S1.1-17", AssessmentMethod.DeviceTest, ConformanceResult.Conforms));
        var findings = Star1Checklist.Review(results).Select(f => f.RequirementId).Order().ToList();
        Assert.Equal(["S1.1-01", "S1.1-02", "S1.1-16", "S1.1-17"], findings);
    }

    [Fact]
    public void A_successor_meeting_the_conditions_has_nothing_unmet_and_one_changing_security_functions_does()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", new DateOnly(2026, 4, 1)));
        var ok = new SuccessorDeclaration("SC-200", ["SC-200-W"], "筐体の色のみ変更", SameSupplier: true, SecurityFunctionsChanged: false, HardwarePlatformChanged: false);
        Assert.Empty(SuccessorConditions.Unmet(entry, ok, new DateOnly(2026, 10, 1)));
        var changed = ok with { SecurityFunctionsChanged = true };
        Assert.Contains("security functions", Assert.Single(SuccessorConditions.Unmet(entry, changed, new DateOnly(2026, 10, 1))));
        Assert.Contains("expired", Assert.Single(SuccessorConditions.Unmet(entry, ok, entry.ExpiryDate.AddDays(1))));
    }

    [Fact]
    public void Business_days_skip_weekends_and_configured_holidays()
    {
        var calendar = new BusinessCalendar([new DateOnly(2026, 11, 23)]);
        // Friday 2026-11-20 + 1 business day: Sat, Sun skipped, Monday 23rd is a holiday -> Tuesday 24th.
        Assert.Equal(new DateOnly(2026, 11, 24), calendar.AddBusinessDays(new DateOnly(2026, 11, 20), 1));
        Assert.Equal(new DateOnly(2026, 12, 8), calendar.AddBusinessDays(new DateOnly(2026, 11, 24), 10));
    }
}
