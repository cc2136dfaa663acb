using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Activities;

namespace JcStar.Workflow.Scheme.Tests;

public sealed class CheckExtensionTests
{
    // Granted on 2026-04-01 the label expires on 2028-03-31 (24 months).
    private static async Task<ActivityResult> CheckOn(DateOnly filedOn, int graceDays)
    {
        var scheme = SchemeServices.InMemory(new SchemeOptions { ExtensionGraceDays = graceDays });
        var entry = scheme.Registry.Grant(SchemeFixture.Star1Grant("JCS-A-2026-00001", new DateOnly(2026, 4, 1)));
        var inputs = JsonSerializer.SerializeToElement(new { registrationNumber = entry.RegistrationNumber, expiryDate = "2099-01-01" })
            .EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());
        // 03:00 UTC is noon in Japan on the filing day.
        var now = new DateTimeOffset(filedOn.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero);
        var handler = SchemeActivities.All(scheme).Single(h => h.Name == "scheme.check-extension");
        return await handler.ExecuteAsync(inputs, new ActivityContext("inst-1", "k", "LabelExtension", "def-1", "CheckExtension", "job-" + filedOn, 1, now), TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_extension_filed_on_the_expiry_date_is_admissible_and_the_registry_not_the_caller_gives_the_expiry()
    {
        var result = await CheckOn(new DateOnly(2028, 3, 31), graceDays: 0);
        Assert.True(result.Outputs["extensionAdmissible"].GetBoolean());
        Assert.Equal("2028-03-31", result.Outputs["expiryDate"].GetString());
        Assert.False(result.Outputs.ContainsKey("reasons"));
    }

    [Fact]
    public async Task An_extension_filed_the_day_after_expiry_is_refused_with_the_reason()
    {
        var result = await CheckOn(new DateOnly(2028, 4, 1), graceDays: 0);
        Assert.False(result.Outputs["extensionAdmissible"].GetBoolean());
        Assert.Contains("有効期限を経過した後", result.Outputs["reasons"].GetString());
    }

    [Fact]
    public async Task A_grace_period_from_settings_admits_a_late_extension_until_its_last_day_only()
    {
        Assert.True((await CheckOn(new DateOnly(2028, 4, 30), graceDays: 30)).Outputs["extensionAdmissible"].GetBoolean());
        var late = await CheckOn(new DateOnly(2028, 5, 1), graceDays: 30);
        Assert.False(late.Outputs["extensionAdmissible"].GetBoolean());
        Assert.Contains("30日以内", late.Outputs["reasons"].GetString());
    }
}
