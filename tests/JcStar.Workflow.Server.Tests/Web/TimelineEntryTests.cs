using System.Resources;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Server.Web;

namespace JcStar.Workflow.Server.Tests.Web;

/// <summary>A case's timeline names what started it: a condition that held, a signal, a message or a timer.</summary>
public sealed class TimelineEntryTests
{
    private static AuditEntry Entry(string action, string? element = null, string? data = null) =>
        new() { At = new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero), Actor = "suzuki", Action = action, ElementId = element, DataJson = data };

    [Fact]
    public void A_case_started_by_its_condition_or_a_signal_shows_the_trigger_under_the_start_event_s_name_and_leaves_bookkeeping_out()
    {
        var names = new Dictionary<string, string> { ["Critical"] = "重大な不具合の報告", ["Broadcast"] = "一斉通知" };
        var lines = TimelineEntry.From(
        [
            Entry(AuditActions.InstanceStarted),
            Entry(AuditActions.ConditionalStart, "Critical", """{"startEvent":"Critical","condition":"${critical == true}"}"""),
            Entry(AuditActions.SignalReceived, "Broadcast"),
            Entry(AuditActions.FlowNodeCompleted, "gw", """{"type":"exclusiveGateway"}"""),
        ], names);

        Assert.Equal(
            [(AuditActions.InstanceStarted, (string?)null), (AuditActions.ConditionalStart, "重大な不具合の報告"), (AuditActions.SignalReceived, "一斉通知")],
            lines.Select(l => (l.ActionKey, l.Step)));
    }

    [Theory]
    [InlineData("ja")]
    [InlineData("en")]
    public void Every_action_the_timeline_shows_has_words_in_both_languages(string language)
    {
        var strings = new ResourceManager("JcStar.Workflow.Server.Web.Resources.Strings", typeof(TimelineEntry).Assembly);
        var culture = System.Globalization.CultureInfo.GetCultureInfo(language);
        foreach (var action in new[] { AuditActions.ConditionalStart, AuditActions.SignalReceived, AuditActions.TimerFired, AuditActions.MessageCorrelated })
            Assert.False(string.IsNullOrEmpty(strings.GetString("Action_" + action, culture)), $"no {language} words for {action}");
    }
}
