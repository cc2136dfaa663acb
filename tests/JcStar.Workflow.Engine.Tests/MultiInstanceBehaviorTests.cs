using JcStar.Workflow.Bpmn.Diagnostics;
using Xunit;

namespace JcStar.Workflow.Engine.Tests;

public sealed class MultiInstanceBehaviorTests
{
    private static DefinitionSet Defs() => Fixture.Load("multi-instance-behavior.bpmn");

    [Fact]
    public void Behavior_None_throws_its_event_each_time_an_instance_completes()
    {
        var run = Scenario.Run(Defs(), r => r.Start("none").CompleteOldest("n_review").CompleteOldest("n_review").CompleteOldest("n_review"));

        Assert.Equal(3, run.TaskIds("n_note").Count);
        Assert.Equal(3, run.Completed.Count(c => c == "n_told"));
    }

    [Fact]
    public void Behavior_One_throws_its_event_when_the_first_instance_completes_and_never_again()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("one").CompleteOldest("o_review");
            Assert.Single(r.All<SignalThrown>(), s => s.SignalName == "firstReview");
            r.CompleteOldest("o_review").CompleteOldest("o_review");
        });

        Assert.Single(run.All<SignalThrown>());
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void Behavior_All_throws_nothing()
    {
        var run = Scenario.Run(Defs(), r => r.Start("all").CompleteOldest("a_review").CompleteOldest("a_review"));

        Assert.Empty(run.All<SignalThrown>());
        Assert.DoesNotContain("a_told", run.Completed);
        Assert.Equal(InstanceStatus.Completed, run.Status);
    }

    [Fact]
    public void Behavior_Complex_throws_the_event_of_a_definition_whose_condition_holds_as_an_instance_completes()
    {
        var run = Scenario.Run(Defs(), r =>
        {
            r.Start("complex").CompleteOldest("c_review");
            Assert.Empty(r.TaskIds("c_chair"));
            r.CompleteOldest("c_review");
            Assert.Single(r.TaskIds("c_chair"));
            r.CompleteOldest("c_review");
        });

        Assert.Equal(["c_chair"], run.OpenTasks);
        Assert.Equal(1, run.Completed.Count(c => c == "c_enough"));
    }

    [Fact]
    public void Behavior_None_without_its_event_is_refused_by_validation()
    {
        var xml = Fixture.Xml("multi-instance-behavior.bpmn").Replace("noneBehaviorEventRef=\"eachReview\"", "");

        Assert.Contains(Fixture.DiagnosticsOfXml(xml, "multi-instance-behavior.bpmn"), d => d.ElementId == "n_review" && d.Code == DiagnosticCodes.MultiInstanceBehavior);
    }
}
