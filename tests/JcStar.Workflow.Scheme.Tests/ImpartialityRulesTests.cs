using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class ImpartialityRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly CaseSubject Camera = new("C-2026-001", LabelLevel.Star3, "supplier-1", "スマートカメラ SC-100");

    private static SchemeFixture WithApprovedFacility(string id, string name = "評価ラボ")
    {
        var f = new SchemeFixture();
        f.Facilities.Save(new EvaluationFacility
        {
            Id = id,
            Name = name,
            Status = FacilityApprovalStatus.Approved,
            Accreditation = new Accreditation("IAJapan", "RTL-0001", new DateOnly(2028, 1, 1)),
        });
        return f;
    }

    [Fact]
    public void An_approved_accredited_facility_without_conflicts_may_evaluate()
    {
        var f = WithApprovedFacility("lab-a");
        Assert.Empty(f.Impartiality.FacilityProblems("lab-a", Camera, Today));
        f.Impartiality.EnsureFacilityMayEvaluate("lab-a", Camera, Today);
    }

    [Fact]
    public void A_facility_with_a_declared_conflict_for_the_supplier_cannot_be_assigned()
    {
        var f = WithApprovedFacility("lab-a");
        f.Conflicts.Declare(new ConflictDeclaration("lab-a", "supplier-1", null, ConflictKind.ConsultedApplicant, "2025年にコンサルティング契約", Today));
        var e = Assert.Throws<SchemeRuleViolation>(() => f.Impartiality.EnsureFacilityMayEvaluate("lab-a", Camera, Today));
        Assert.Equal("facility.not-eligible", e.Rule);
        Assert.Contains("ConsultedApplicant", e.Message);
    }

    [Fact]
    public void A_conflict_for_another_product_of_the_same_supplier_does_not_block()
    {
        var f = WithApprovedFacility("lab-a");
        f.Conflicts.Declare(new ConflictDeclaration("lab-a", "supplier-1", "ルーター RT-1", ConflictKind.DevelopedProduct, "開発に関与", Today));
        Assert.Empty(f.Impartiality.FacilityProblems("lab-a", Camera, Today));
        f.Conflicts.Declare(new ConflictDeclaration("lab-a", "supplier-1", "スマートカメラ SC-100", ConflictKind.DevelopedProduct, "開発に関与", Today));
        Assert.Single(f.Impartiality.FacilityProblems("lab-a", Camera, Today));
    }

    [Fact]
    public void A_facility_not_approved_or_without_accreditation_in_force_or_out_of_scope_is_refused_with_each_reason()
    {
        var f = new SchemeFixture();
        f.Facilities.Save(new EvaluationFacility
        {
            Id = "lab-b",
            Name = "新設ラボ",
            Status = FacilityApprovalStatus.Applied,
            Accreditation = new Accreditation("IAJapan", null, null, Pending: true),
            ScopeLevels = [LabelLevel.Star4],
        });
        var problems = f.Impartiality.FacilityProblems("lab-b", Camera, Today);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("not approved"));
        Assert.Contains(problems, p => p.Contains("17025"));
        Assert.Contains(problems, p => p.Contains("★3"));
    }

    [Fact]
    public void An_unknown_facility_is_refused()
    {
        var f = new SchemeFixture();
        Assert.Contains("not known", Assert.Single(f.Impartiality.FacilityProblems("nobody", Camera, Today)));
    }

    [Fact]
    public void A_handler_cannot_decide_an_appeal_against_their_own_decision()
    {
        var f = new SchemeFixture();
        var e = Assert.Throws<SchemeRuleViolation>(() => f.Impartiality.EnsureAppealHandlerIsImpartial("tanaka", "Tanaka", Camera));
        Assert.Equal("appeal.handler-not-impartial", e.Rule);
        f.Impartiality.EnsureAppealHandlerIsImpartial("suzuki", "tanaka", Camera);
    }

    [Fact]
    public void A_conflicted_staff_member_cannot_handle_the_case()
    {
        var f = new SchemeFixture();
        f.Conflicts.Declare(new ConflictDeclaration("sato", "supplier-1", null, ConflictKind.FinancialInterest, "株式保有", Today));
        Assert.Equal("handler.conflict", Assert.Throws<SchemeRuleViolation>(() => f.Impartiality.EnsureHandlerMayHandle("sato", Camera)).Rule);
        Assert.NotEmpty(f.Impartiality.AppealHandlerProblems("sato", "tanaka", Camera));
    }
}
