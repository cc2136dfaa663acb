namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>start → async activity → 1 s timer → end: a job and a timer per instance, both lost if the process dies at the wrong moment.</summary>
public static class KillProcess
{
    public const string Xml = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="D" targetNamespace="urn:kill">
          <process id="Kill" isExecutable="true">
            <startEvent id="Start" />
            <serviceTask id="Work" jc:activity="kill.work" jc:async="true" jc:retries="5" />
            <intermediateCatchEvent id="Pause"><timerEventDefinition><timeDuration>PT1S</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Work" />
            <sequenceFlow id="f2" sourceRef="Work" targetRef="Pause" />
            <sequenceFlow id="f3" sourceRef="Pause" targetRef="End" />
          </process>
        </definitions>
        """;
}
