using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests.Forms;

/// <summary>A form is stored with the definition version that names it: a case keeps the form it started with.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class VersionedFormTests : IDisposable
{
    private const string FormA = """{"id":"review","components":[{"type":"textfield","key":"note","label":"Note"}]}""";
    private const string FormB = """{"id":"review","components":[{"type":"checkbox","key":"approved","label":"Approved","validate":{"required":true}}]}""";

    private readonly string _folder = Directory.CreateTempSubdirectory("jcstar-versioned-forms-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImmutableDictionary<string, JsonElement> Vars(object values) =>
        JsonSerializer.SerializeToElement(values).EnumerateObject().ToImmutableDictionary(p => p.Name, p => p.Value.Clone());

    private Task<TestRuntime> HostAsync(string provider) => TestRuntime.CreateAsync(provider, s =>
    {
        s.AddSingleton<IFormSource>(new FormFolder(_folder));
        s.AddSingleton<ITaskFormValidator, FormKeyValidator>();
    });

    private int _writes;

    private void WriteForm(string json)
    {
        var path = Path.Combine(_folder, "review.form");
        File.WriteAllText(path, json);
        // The folder re-reads a file by its write time: a second write within the clock's resolution must still count.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(++_writes));
    }

    private static async Task<HumanTask> OpenTaskAsync(TestRuntime host, string businessKey) =>
        (await host.Queries.InboxAsync(Actors.Reviewer, new PageRequest(), Ct)).Items.Single(t => t.BusinessKey == businessKey);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_case_on_version_1_keeps_its_form_after_version_2_changes_it(string provider)
    {
        await using var host = await HostAsync(provider);
        WriteForm(FormA);
        var v1 = await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-1", null, Actors.Reviewer, Ct);

        WriteForm(FormB);
        var v2 = await host.DeployAsync(Processes.Approval());
        await host.Runtime.StartAsync("Approval", "JC-2", null, Actors.Reviewer, Ct);

        Assert.Equal("Approval:1", v1);
        Assert.Equal("Approval:2", v2);
        var forms = host.Services.GetRequiredService<DefinitionForms>();
        var old = await OpenTaskAsync(host, "JC-1");
        var current = await OpenTaskAsync(host, "JC-2");
        Assert.Equal(v1, old.DefinitionId);
        Assert.Equal(["note"], (await forms.FindAsync(old.DefinitionId, "review", Ct))!.Schema.Fields.Select(f => f.Key));
        Assert.Equal(["approved"], (await forms.FindAsync(current.DefinitionId, "review", Ct))!.Schema.Fields.Select(f => f.Key));

        // Completion validates against the case's own form: v1 takes a note, v2 refuses one.
        await host.Runtime.CompleteTaskAsync(old.Id, Vars(new { note = "fine" }), Actors.Reviewer, Ct);
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Runtime.CompleteTaskAsync(current.Id, Vars(new { note = "fine" }), Actors.Reviewer, Ct));
        Assert.Contains("note", refused.Errors.Keys);
        Assert.Contains("approved", refused.Errors.Keys);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Deploying_unchanged_files_and_forms_again_makes_no_new_version(string provider)
    {
        await using var host = await HostAsync(provider);
        WriteForm(FormA);
        await host.DeployAsync(Processes.Approval());

        var again = await host.Deployment.DeployAsync(Processes.Approval(), "test.bpmn", Actors.Admin, Ct);

        Assert.False(again.Processes.Single().IsNewVersion);
        Assert.Single(await host.Stores.Definitions.ListVersionsAsync("Approval", Ct));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_version_without_stored_forms_reads_the_file_and_takes_it_as_its_own_at_the_next_deployment(string provider)
    {
        await using var host = await HostAsync(provider);
        // What a database published before forms were stored holds: the version's row and no form rows.
        var xml = Processes.Approval();
        await host.Stores.Definitions.AddAsync(new Definitions.DeployedDefinition
        {
            Id = "Approval:1", ProcessId = "Approval", Version = 1, ContentHash = Definitions.ContentHash.Of(xml), Xml = xml,
            SourceName = "test.bpmn", PublishedAt = TestRuntime.T0,
        }, Ct);
        WriteForm(FormA);
        var forms = host.Services.GetRequiredService<DefinitionForms>();
        Assert.Equal(["note"], (await forms.FindAsync("Approval:1", "review", Ct))!.Schema.Fields.Select(f => f.Key));

        var redeployed = await host.Deployment.DeployAsync(xml, "test.bpmn", Actors.Admin, Ct);
        WriteForm(FormB);

        Assert.False(redeployed.Processes.Single().IsNewVersion);
        Assert.Equal(["note"], (await forms.FindAsync("Approval:1", "review", Ct))!.Schema.Fields.Select(f => f.Key));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_draft_publishes_its_edited_form_with_the_new_version_and_keeps_the_others_as_published(string provider)
    {
        await using var host = await HostAsync(provider);
        WriteForm(FormA);
        await host.DeployAsync(Processes.Approval());
        WriteForm("""{"components":[{"type":"textfield","key":"fromTheFile"}]}""");

        var edited = await host.Deployment.DeployAsync(Processes.Approval("Review again"), "test.bpmn", Actors.Admin, Ct, "a new step",
            new Dictionary<string, string> { ["review"] = FormB, ["unused"] = FormA });
        var unchangedForms = await host.Deployment.DeployAsync(Processes.Approval("Review once more"), "test.bpmn", Actors.Admin, Ct, "renamed",
            new Dictionary<string, string>());

        var forms = host.Services.GetRequiredService<DefinitionForms>();
        Assert.Equal(["approved"], (await forms.StoredAsync(edited.Processes.Single().Definition.Id, Ct))["review"].Schema.Fields.Select(f => f.Key));
        Assert.Equal(["review"], (await forms.StoredAsync(edited.Processes.Single().Definition.Id, Ct)).Keys);
        Assert.Equal(["approved"], (await forms.StoredAsync(unchangedForms.Processes.Single().Definition.Id, Ct))["review"].Schema.Fields.Select(f => f.Key));
    }

    [Fact]
    public async Task A_draft_form_that_is_not_a_form_is_refused_naming_the_form_and_its_component_and_nothing_is_published()
    {
        await using var host = await HostAsync(TestDatabase.InMemory);
        WriteForm(FormA);
        await host.DeployAsync(Processes.Approval());

        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Deployment.DeployAsync(Processes.Approval("Changed"), "test.bpmn", Actors.Admin, Ct, "broken",
            new Dictionary<string, string> { ["review"] = """{"components":[{"type":"textfield","label":"<b>no key</b>"}]}""" }));

        Assert.Equal(["form 'review': components[0] (textfield) has no key"], refused.Errors["forms.review"]);
        Assert.Single(await host.Stores.Definitions.ListVersionsAsync("Approval", Ct));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
