namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Small BPMN files, one behaviour each.</summary>
public static class Processes
{
    private const string Head = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
        """;

    /// <summary>start → Review (group reviewers) → end. <paramref name="taskName"/> lets two versions differ.</summary>
    public static string Approval(string taskName = "Review") => Head + $"""
          <process id="Approval" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Review" name="{taskName}" jc:candidateGroups="reviewers" jc:formKey="review" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>start → Review → Approve (both group reviewers) → end: the case runs on after its first task.</summary>
    public static string TwoSteps => Head + """
          <process id="TwoSteps" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Review" jc:candidateGroups="reviewers" />
            <userTask id="Approve" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="Approve" />
            <sequenceFlow id="f3" sourceRef="Approve" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Review with an interrupting boundary timer <paramref name="duration"/> that leads to Escalate.</summary>
    public static string Deadline(string duration = "PT2S") => Head + $"""
          <process id="Deadline" isExecutable="true">
            <startEvent id="Start" />
            <userTask id="Review" jc:candidateGroups="reviewers" />
            <boundaryEvent id="Late" attachedToRef="Review"><timerEventDefinition><timeDuration>{duration}</timeDuration></timerEventDefinition></boundaryEvent>
            <userTask id="Escalate" jc:candidateGroups="managers" />
            <endEvent id="Done" />
            <endEvent id="Escalated" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="Done" />
            <sequenceFlow id="f3" sourceRef="Late" targetRef="Escalate" />
            <sequenceFlow id="f4" sourceRef="Escalate" targetRef="Escalated" />
          </process>
        </definitions>
        """;

    /// <summary>start → Echo (sync service task) → Review → end.</summary>
    public static string SyncService => Head + """
          <process id="SyncService" isExecutable="true">
            <startEvent id="Start" />
            <serviceTask id="Echo" jc:activity="test.echo" />
            <userTask id="Review" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Echo" />
            <sequenceFlow id="f2" sourceRef="Echo" targetRef="Review" />
            <sequenceFlow id="f3" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>start → Flaky (async, 2 retries) → end.</summary>
    public static string AsyncFlaky => Head + """
          <process id="AsyncFlaky" isExecutable="true">
            <startEvent id="Start" />
            <serviceTask id="Flaky" jc:activity="test.flaky" jc:async="true" jc:retries="2" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Flaky" />
            <sequenceFlow id="f2" sourceRef="Flaky" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Waits for message Paid keyed by ${caseNo}, then ends.</summary>
    public static string Payment => Head + """
          <message id="M_Paid" name="Paid" jc:correlationKey="${caseNo}" />
          <process id="Payment" isExecutable="true">
            <startEvent id="Start" />
            <intermediateCatchEvent id="WaitPaid"><messageEventDefinition messageRef="M_Paid" /></intermediateCatchEvent>
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="WaitPaid" />
            <sequenceFlow id="f2" sourceRef="WaitPaid" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>Waits for signal Recall, then ends.</summary>
    public static string Recall => Head + """
          <signal id="S_Recall" name="Recall" />
          <process id="Recall" isExecutable="true">
            <startEvent id="Start" />
            <intermediateCatchEvent id="WaitRecall"><signalEventDefinition signalRef="S_Recall" /></intermediateCatchEvent>
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="WaitRecall" />
            <sequenceFlow id="f2" sourceRef="WaitRecall" targetRef="End" />
          </process>
        </definitions>
        """;
}
