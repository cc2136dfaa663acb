using System.Collections.Immutable;
using System.Text.Json;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class SchemeStartVariablesTests
{
    [Fact]
    public void Every_case_starts_with_the_deadline_settings_as_durations_and_days_and_the_office()
    {
        var vars = SchemeStartVariables.For(new SchemeOptions { CorrectionDeadlineDays = 14, Office = new OfficeOptions { Section = "担当課" } });
        Assert.Equal("P14D", vars["deadlines"].GetProperty("correction").GetString());
        Assert.Equal(14, vars["deadlineDays"].GetProperty("correction").GetInt32());
        Assert.Equal("担当課", vars["office"].GetProperty("section").GetString());
    }

    [Fact]
    public void A_given_level_gets_its_display_and_the_callers_variables_win()
    {
        var given = ImmutableDictionary<string, JsonElement>.Empty
            .Add("level", JsonSerializer.SerializeToElement("Star3"))
            .Add("deadlines", JsonSerializer.SerializeToElement(new { review = "P1D" }));
        var merged = SchemeStartVariables.Merge(new SchemeOptions(), given);
        Assert.Equal("★3", merged["levelDisplay"].GetString());
        Assert.Equal("P1D", merged["deadlines"].GetProperty("review").GetString());
    }
}
