using JcStar.Workflow.Documents.Versions;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Server.Web.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>The procedure pages' simulation renders letters from the latest uploaded template version, as a case would, and says which.</summary>
public sealed class SimulatedLetterTemplateTests(TemplateEndpointTests.TemplateServer server) : IClassFixture<TemplateEndpointTests.TemplateServer>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string Template = "withdrawal-notice";

    private const string Draft = """
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:jc="urn:jcstar:workflow:bpmn:1.0" id="L" targetNamespace="urn:test">
          <process id="LetterCase" isExecutable="true" jc:candidateStarterGroups="reviewers">
            <startEvent id="Start" />
            <serviceTask id="Render" name="取下げ通知書を作成" jc:activity="document.render">
              <extensionElements>
                <jc:input name="template">${'withdrawal-notice'}</jc:input>
              </extensionElements>
            </serviceTask>
            <userTask id="Review" name="審査" jc:candidateGroups="reviewers" />
            <endEvent id="End" />
            <sequenceFlow id="f1" sourceRef="Start" targetRef="Render" />
            <sequenceFlow id="f2" sourceRef="Render" targetRef="Review" />
            <sequenceFlow id="f3" sourceRef="Review" targetRef="End" />
          </process>
        </definitions>
        """;

    private const string Scenario = """{"businessKey": "JC-SIM-1", "variables": {"applicant": {"name": "株式会社試験", "kind": "company"}}}""";

    [Fact]
    public async Task A_simulation_renders_the_latest_uploaded_version_of_a_template_and_names_that_version()
    {
        var templates = server.Services.GetRequiredService<LetterTemplates>();
        var upload = await templates.UploadAsync(Template, "withdrawal-notice-revised.docx", LetterTemplateFiles.WordFile("改訂した取下げ通知の文面です。"), "mori", "文面の改訂", Ct);
        Assert.False(upload.Refused, string.Join("; ", upload.Check.Errors));
        var versionsBefore = await server.Services.GetRequiredService<ILetterTemplateStore>().ListAsync(Ct);
        var published = (await server.Services.GetRequiredService<WorkflowQueries>().DefinitionVersionsAsync("LetterCase", Ct)).MaxBy(v => v.Version)!;

        var run = await server.Services.GetRequiredService<ProcedureSimulator>().RunAsync(published, Draft, Scenario, "form", "mori", Ct);

        Assert.Empty(run.Problems);
        var letter = Assert.Single(run.Letters);
        Assert.Equal(Template, letter.Template);
        Assert.Equal(upload.Version!.Version, letter.TemplateVersion);
        Assert.Equal(upload.Version.Version, Assert.Single(run.Report!.Documents).TemplateVersion);
        var text = LetterTemplateFiles.Text(letter.Content);
        Assert.Contains("改訂した取下げ通知の文面です。", text, StringComparison.Ordinal);
        // The folder's file (version 1) was not used, and the simulation stored no version of its own.
        var folderText = LetterTemplateFiles.Text((await templates.OpenAsync(Template, 1, Ct))!.Value.Content);
        Assert.DoesNotContain("改訂した", folderText, StringComparison.Ordinal);
        Assert.Equal(versionsBefore, await server.Services.GetRequiredService<ILetterTemplateStore>().ListAsync(Ct));
    }
}
