using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class NumberingTests
{
    [Fact]
    public void Application_numbers_count_up_within_a_year_and_restart_in_the_next()
    {
        var numbers = new SchemeNumbers(new SchemeOptions { ApplicationNumberFormat = "JCS-A-{yyyy}-{seq:5}" }, new InMemorySequenceStore());
        Assert.Equal("JCS-A-2026-00001", numbers.NextApplicationNumber(new DateOnly(2026, 1, 1)));
        Assert.Equal("JCS-A-2026-00002", numbers.NextApplicationNumber(new DateOnly(2026, 12, 31)));
        Assert.Equal("JCS-A-2027-00001", numbers.NextApplicationNumber(new DateOnly(2027, 1, 1)));
    }

    [Fact]
    public void The_level_token_gives_each_level_its_own_counter()
    {
        var numbers = new SchemeNumbers(new SchemeOptions { RegistrationNumberFormat = "{level}-{yy}-{seq}" }, new InMemorySequenceStore());
        var day = new DateOnly(2026, 6, 1);
        Assert.Equal("1-26-1", numbers.NextRegistrationNumber(day, LabelLevel.Star1));
        Assert.Equal("3-26-1", numbers.NextRegistrationNumber(day, LabelLevel.Star3));
        Assert.Equal("1-26-2", numbers.NextRegistrationNumber(day, LabelLevel.Star1));
    }

    [Theory]
    [InlineData("JCS-{month}-{seq}", "unknown token {month}")]
    [InlineData("JCS-{yyyy}", "no {seq} token")]
    [InlineData("JCS-{seq:0}", "unknown token {seq:0}")]
    public void A_bad_number_format_setting_is_refused_naming_the_setting(string format, string expected)
    {
        var e = Assert.Throws<FormatException>(() => new SchemeNumbers(new SchemeOptions { ApplicationNumberFormat = format }, new InMemorySequenceStore()));
        Assert.Contains("Scheme:ApplicationNumberFormat", e.Message);
        Assert.Contains(expected, e.Message);
    }
}
