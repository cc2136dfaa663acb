namespace JcStar.Workflow.Backup.Tests;

/// <summary>Three cases that wait in different places: a task, a timer due later, and a letter with its mail queued.</summary>
public static class DrillProcesses
{
    public const string Task = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="dt" targetNamespace="t">
          <process id="DrillTask" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
            <userTask id="review" name="審査" jc:candidateGroups="reviewers"/>
            <sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    public const string Timer = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="dm" targetNamespace="t">
          <process id="DrillTimer" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <intermediateCatchEvent id="wait"><timerEventDefinition><timeDuration>PT4S</timeDuration></timerEventDefinition></intermediateCatchEvent>
            <sequenceFlow id="f2" sourceRef="wait" targetRef="afterTimer"/>
            <userTask id="afterTimer" name="期限後確認" jc:candidateGroups="reviewers"/>
            <sequenceFlow id="f3" sourceRef="afterTimer" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    public const string Letter = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="dl" targetNamespace="t">
          <process id="DrillLetter" isExecutable="true">
            <startEvent id="start"/>
            <sequenceFlow id="f1" sourceRef="start" targetRef="render"/>
            <serviceTask id="render" jc:activity="document.render">
              <extensionElements>
                <jc:input name="template">${'withdrawal-notice'}</jc:input>
                <jc:input name="fileName">${'申請取下げ通知書_' + applicationNumber}</jc:input>
                <jc:output name="withdrawalNoticeId">${documentId}</jc:output>
              </extensionElements>
            </serviceTask>
            <sequenceFlow id="f2" sourceRef="render" targetRef="mail"/>
            <sendTask id="mail" jc:activity="mail.send">
              <extensionElements>
                <jc:input name="to">${applicant.email}</jc:input>
                <jc:input name="template">${'withdrawal-notice'}</jc:input>
                <jc:input name="attachments">${[withdrawalNoticeId]}</jc:input>
              </extensionElements>
            </sendTask>
            <sequenceFlow id="f3" sourceRef="mail" targetRef="confirm"/>
            <userTask id="confirm" name="確認" jc:candidateGroups="reviewers"/>
            <sequenceFlow id="f4" sourceRef="confirm" targetRef="end"/>
            <endEvent id="end"/>
          </process>
        </definitions>
        """;

    public static object Variables(string applicationNumber) => new
    {
        applicationNumber,
        level = "Star1",
        receivedOn = "2026-04-01",
        withdrawnOn = "2026-05-01",
        withdrawalReason = "補正期限までに再提出がありませんでした",
        applicant = new { id = "SUP-1", name = "株式会社サンプル電機", representative = "代表取締役　山田 太郎", contactName = "鈴木 花子", email = "hanako@example.jp", address = "東京都千代田区丸の内一丁目1番1号" },
        product = new { name = "ネットワークカメラ NC-100", modelNumbers = new[] { "NC-100" } },
    };

    public static void WriteTo(string folder)
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "drill-task.bpmn"), Task);
        File.WriteAllText(Path.Combine(folder, "drill-timer.bpmn"), Timer);
        File.WriteAllText(Path.Combine(folder, "drill-letter.bpmn"), Letter);
    }
}
