namespace JcStar.Workflow.Server.Tests;

public static class TestProcesses
{
    public static string Approval(string taskName) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:test">
          <process id="Approval" isExecutable="true" jc:candidateStarterGroups="reviewers">
            <startEvent id="Start" jc:formKey="approval-start" />
            <userTask id="Review" name="{taskName}" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Review" />
            <sequenceFlow id="f2" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    /// <summary>The Approval process's start form: one optional text field.</summary>
    public const string ApprovalStartForm = """
        { "type": "default", "id": "approval-start", "components": [ { "type": "textfield", "key": "applicant", "label": "Applicant" } ] }
        """;
}
