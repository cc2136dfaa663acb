using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Letters;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class LetterSettingsTests
{
    private static ActivityInputs Inputs(object anonymous) =>
        new("document.render", JsonSerializer.SerializeToElement(anonymous).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone()));

    [Fact]
    public void The_shipped_office_settings_are_reported_as_placeholders_by_setting_name()
    {
        var placeholders = new OfficeOptions().Placeholders();
        Assert.Contains("Scheme:Office:BankAccount", placeholders);
        Assert.Contains("Scheme:Office:Phone", placeholders);
        Assert.Contains("Scheme:Office:Email", placeholders);
        Assert.DoesNotContain("Scheme:Office:Organization", placeholders);
    }

    [Fact]
    public void Configured_office_settings_have_no_placeholder()
    {
        var office = new OfficeOptions
        {
            Phone = "03-5978-7500", Email = "jc-star@ipa.go.jp", RegistryUrl = "https://www.ipa.go.jp/security/jc-star/",
            BankAccount = "みずほ銀行 本郷支店\n普通預金 1234567\n口座名義 ドク）ジョウホウショリスイシンキコウ",
        };
        Assert.Empty(office.Placeholders());
    }

    [Fact]
    public void A_company_is_addressed_onchu_or_through_its_representative_as_the_settings_say()
    {
        var company = Inputs(new { applicant = new { name = "株式会社さくら", representative = "代表取締役　山田 太郎" } });
        Assert.Equal(new Addressee("株式会社さくら", "代表取締役　山田 太郎　殿", "貴社"), Addressee.For(company, "applicant", new LetterOptions()));
        Assert.Equal(new Addressee("株式会社さくら　御中", "", "貴社"), Addressee.For(company, "applicant", new LetterOptions { CompanyAddressing = "Company" }));
    }

    [Fact]
    public void A_person_is_addressed_sama_or_dono_as_the_settings_say()
    {
        var person = Inputs(new { appellant = new { name = "鈴木 一郎", kind = "person" } });
        Assert.Equal(new Addressee("鈴木 一郎　様", "", "貴殿"), Addressee.For(person, "appellant", new LetterOptions()));
        Assert.Equal("鈴木 一郎　殿", Addressee.For(person, "appellant", new LetterOptions { PersonHonorific = "殿" }).Line1);
    }

    [Fact]
    public void An_unknown_kind_of_addressee_is_an_error_naming_the_variable()
    {
        var odd = Inputs(new { applicant = new { name = "X", kind = "robot" } });
        var e = Assert.Throws<ActivityInputException>(() => Addressee.For(odd, "applicant", new LetterOptions()));
        Assert.Contains("applicant.kind", e.Message);
    }
}
