using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class LabelRegistryTests
{
    private static readonly DateOnly GrantDay = new(2026, 4, 1);

    [Fact]
    public void A_granted_label_expires_one_validity_period_after_issue()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        Assert.Equal(new DateOnly(2028, 3, 31), entry.ExpiryDate);
        Assert.Equal(RegistryStatus.Valid, entry.StatusOn(new DateOnly(2028, 3, 31)));
        Assert.Equal(RegistryStatus.Expired, entry.StatusOn(new DateOnly(2028, 4, 1)));
    }

    [Fact]
    public void Validity_never_exceeds_the_setting_even_when_more_is_asked()
    {
        var f = new SchemeFixture(new SchemeOptions { LabelValidityMonths = 12 });
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay) with { ValidityMonths = 60 });
        Assert.Equal(new DateOnly(2027, 3, 31), entry.ExpiryDate);
    }

    [Fact]
    public void A_shorter_validity_than_the_setting_may_be_granted()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay) with { ValidityMonths = 6 });
        Assert.Equal(new DateOnly(2026, 9, 30), entry.ExpiryDate);
    }

    [Fact]
    public void Registration_numbers_follow_the_format_setting_and_count_per_level_and_year()
    {
        var f = new SchemeFixture(new SchemeOptions { RegistrationNumberFormat = "R{level}-{yyyy}-{seq:4}" });
        var a = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var b = f.Registry.Grant(SchemeFixture.Star1Grant("A-2", GrantDay));
        var c = f.Registry.Grant(SchemeFixture.Star1Grant("A-3", new DateOnly(2027, 1, 5)));
        Assert.Equal(["R1-2026-0001", "R1-2026-0002", "R1-2027-0001"], new[] { a.RegistrationNumber, b.RegistrationNumber, c.RegistrationNumber });
    }

    [Fact]
    public void An_application_is_granted_one_label_only()
    {
        var f = new SchemeFixture();
        f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var e = Assert.Throws<SchemeRuleViolation>(() => f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay)));
        Assert.Equal("grant.duplicate", e.Rule);
    }

    [Fact]
    public void A_third_party_level_needs_its_evaluation_facility()
    {
        var f = new SchemeFixture();
        var e = Assert.Throws<SchemeRuleViolation>(() => f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay) with { Level = LabelLevel.Star3 }));
        Assert.Equal("grant.no-facility", e.Rule);
    }

    [Fact]
    public void A_revoked_label_stays_in_the_registry_marked_revoked()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        f.Registry.Revoke(entry.RegistrationNumber, new DateOnly(2026, 8, 1), "改善指示に従わなかったため");
        var after = f.Store.Find(entry.RegistrationNumber)!;
        Assert.Equal(RegistryStatus.Revoked, after.StatusOn(new DateOnly(2026, 8, 1)));
        Assert.Equal(RegistryStatus.Valid, after.StatusOn(new DateOnly(2026, 7, 31)));
        var listed = Assert.Single(f.Registry.PublicListOn(new DateOnly(2026, 9, 1)));
        Assert.Equal(RegistryStatus.Revoked, listed.Status);
        Assert.Contains(after.History, h => h.Kind == "revoked");
    }

    [Fact]
    public void A_revocation_must_give_reasons_and_happens_once()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        Assert.Equal("revoke.no-reason", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Revoke(entry.RegistrationNumber, GrantDay, " ")).Rule);
        f.Registry.Revoke(entry.RegistrationNumber, GrantDay, "虚偽の自己宣言");
        Assert.Equal("revoke.already", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Revoke(entry.RegistrationNumber, GrantDay, "again")).Rule);
    }

    [Fact]
    public void An_extension_starts_the_day_after_the_current_expiry_but_never_gives_more_than_one_period_from_the_decision()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var extended = f.Registry.Extend(entry.RegistrationNumber, new DateOnly(2028, 3, 1));
        Assert.Equal(new DateOnly(2030, 2, 28), extended.ExpiryDate);
        Assert.True(extended.ExpiryDate <= LabelRegistry.ExpiryFor(new DateOnly(2028, 3, 1), f.Options.LabelValidityMonths));
    }

    [Fact]
    public void An_expired_or_revoked_label_cannot_be_extended()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        Assert.Equal("extend.not-valid", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Extend(entry.RegistrationNumber, new DateOnly(2028, 4, 2))).Rule);
    }

    [Fact]
    public void An_extension_filed_by_the_expiry_date_and_decided_after_it_is_granted_from_the_old_expiry()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var filed = entry.ExpiryDate;
        var decided = entry.ExpiryDate.AddDays(20);

        var extended = f.Registry.Extend(entry.RegistrationNumber, decided, "kato.yui", filedOn: filed);

        Assert.Equal(LabelRegistry.ExpiryFor(entry.ExpiryDate.AddDays(1), f.Options.LabelValidityMonths), extended.ExpiryDate);
        Assert.Equal(RegistryStatus.Valid, extended.StatusOn(decided));
        var lateOne = f.Registry.Grant(SchemeFixture.Star1Grant("A-2", GrantDay));
        Assert.Equal("extend.not-valid", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Extend(lateOne.RegistrationNumber, decided, filedOn: lateOne.ExpiryDate.AddDays(1))).Rule);
    }

    [Fact]
    public void With_a_grace_period_an_extension_filed_within_it_is_granted_and_one_filed_after_it_is_not()
    {
        var f = new SchemeFixture(new SchemeOptions { ExtensionGraceDays = 14 });
        var inGrace = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var late = f.Registry.Grant(SchemeFixture.Star1Grant("A-2", GrantDay));

        var extended = f.Registry.Extend(inGrace.RegistrationNumber, inGrace.ExpiryDate.AddDays(30), filedOn: inGrace.ExpiryDate.AddDays(14));

        Assert.True(extended.ExpiryDate > inGrace.ExpiryDate);
        Assert.Equal("extend.not-valid", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Extend(late.RegistrationNumber, late.ExpiryDate.AddDays(30), filedOn: late.ExpiryDate.AddDays(15))).Rule);
    }

    [Fact]
    public void A_revoked_label_is_not_extended_even_when_the_extension_was_filed_before_the_revocation()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        f.Registry.Revoke(entry.RegistrationNumber, entry.ExpiryDate.AddDays(-10), "取消し");

        Assert.Equal("extend.not-valid", Assert.Throws<SchemeRuleViolation>(() => f.Registry.Extend(entry.RegistrationNumber, entry.ExpiryDate.AddDays(-5), filedOn: entry.ExpiryDate.AddDays(-20))).Rule);
    }

    [Fact]
    public void The_public_registry_shows_an_entry_only_from_the_later_of_grant_and_preferred_date()
    {
        var f = new SchemeFixture();
        f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay) with { PreferredPublicationDate = new DateOnly(2026, 5, 1) });
        f.Registry.Grant(SchemeFixture.Star1Grant("A-2", GrantDay) with { PreferredPublicationDate = new DateOnly(2026, 1, 1) });
        Assert.Single(f.Registry.PublicListOn(new DateOnly(2026, 4, 30)));
        Assert.Equal(2, f.Registry.PublicListOn(new DateOnly(2026, 5, 1)).Count);
        Assert.Empty(f.Registry.PublicListOn(new DateOnly(2026, 3, 31)));
    }

    [Fact]
    public void The_public_registry_shows_only_marked_fields_and_never_confidential_ones()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var listed = Assert.Single(f.Registry.PublicListOn(GrantDay));
        Assert.Equal("株式会社サンプル電機", listed.Supplier);
        Assert.Equal(["SC-100-W", "SC-100-B"], listed.ModelNumbers);
        Assert.Null(listed.IssueDate);
        Assert.Null(listed.VulnerabilityContact);
        var everything = System.Text.Json.JsonSerializer.Serialize(listed);
        Assert.DoesNotContain("ファームウェア", everything);
        Assert.DoesNotContain(entry.ConfidentialNotes!, everything);
    }

    [Fact]
    public void A_successor_product_joins_the_label_and_keeps_its_expiry()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var updated = f.Registry.AddSuccessor(entry.RegistrationNumber, "スマートカメラ SC-200", ["SC-200-W"], new DateOnly(2026, 10, 1));
        Assert.Equal(2, updated.Products.Length);
        Assert.Equal("スマートカメラ SC-100", updated.Products[1].SuccessorOf);
        Assert.Equal(entry.ExpiryDate, updated.ExpiryDate);
        Assert.Equal("successor.duplicate-model", Assert.Throws<SchemeRuleViolation>(() =>
            f.Registry.AddSuccessor(entry.RegistrationNumber, "X", ["SC-100-W"], new DateOnly(2026, 10, 2))).Rule);
    }

    [Fact]
    public void Expiry_reminders_fall_due_the_configured_days_before_expiry()
    {
        var f = new SchemeFixture(new SchemeOptions { ExpiryReminderDaysBefore = [90, 30] });
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        var at90 = entry.ExpiryDate.AddDays(-90);
        Assert.Equal(90, Assert.Single(f.Registry.ExpiryRemindersDueOn(at90)).DaysBefore);
        Assert.Equal(30, Assert.Single(f.Registry.ExpiryRemindersDueOn(entry.ExpiryDate.AddDays(-30))).DaysBefore);
        Assert.Empty(f.Registry.ExpiryRemindersDueOn(at90.AddDays(1)));
    }

    [Fact]
    public void Expiry_is_recorded_once_in_the_history_of_an_entry_not_extended()
    {
        var f = new SchemeFixture();
        var entry = f.Registry.Grant(SchemeFixture.Star1Grant("A-1", GrantDay));
        Assert.Empty(f.Registry.RecordExpiries(entry.ExpiryDate));
        Assert.Single(f.Registry.RecordExpiries(entry.ExpiryDate.AddDays(1)));
        Assert.Empty(f.Registry.RecordExpiries(entry.ExpiryDate.AddDays(2)));
        Assert.Equal(RegistryStatus.Expired, f.Store.Find(entry.RegistrationNumber)!.StatusOn(entry.ExpiryDate.AddDays(1)));
    }
}
