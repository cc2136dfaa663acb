using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>
/// A stored version never changes, so the catalog reads its model from the XML once; the inbox and the procedure pages
/// ask for every latest version's model on each visit, and the deployment at start has just read them.
/// </summary>
public sealed class DefinitionCatalogTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_stored_version_is_read_once_the_deployment_that_published_it_having_read_it_already()
    {
        var reads = new CountingReader(new BpmnXmlModelReader());
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory, s => s.AddSingleton<IBpmnModelReader>(reads));
        var catalog = host.Services.GetRequiredService<DefinitionCatalog>();

        var id = await host.DeployAsync(Processes.Approval());
        // The deployment's own readings (without the expressions, then, the file being new, with them); the catalog used that model.
        Assert.Equal(2, reads.Count);
        var stored = await host.Stores.Definitions.FindAsync(id, Ct) ?? throw new InvalidOperationException("not stored");

        var first = await catalog.ModelsAsync(stored, Ct);
        var second = await catalog.ModelsAsync(stored, Ct);
        Assert.Equal(2, reads.Count);
        Assert.Same(first[0], second[0]);
        Assert.Equal("Approval", first[0].Processes.Single(p => p.IsExecutable).Id);

        // The same id over other text (a database emptied and deployed again) is read, not served from the kept model.
        var other = stored with { Xml = Processes.Approval("Review v2") };
        var changed = await catalog.ModelsAsync(other, Ct);
        Assert.Equal(3, reads.Count);
        Assert.NotSame(first[0], changed[0]);
        Assert.Same(changed[0], (await catalog.ModelsAsync(other, Ct))[0]);
        Assert.Equal(3, reads.Count);
    }

    [Fact]
    public async Task A_version_not_yet_stored_is_read_each_time()
    {
        var reads = new CountingReader(new BpmnXmlModelReader());
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory, s => s.AddSingleton<IBpmnModelReader>(reads));
        var catalog = host.Services.GetRequiredService<DefinitionCatalog>();
        var candidate = new DeployedDefinition { Id = "(new)", ProcessId = "Approval", Version = 0, ContentHash = "h", Xml = Processes.Approval(), SourceName = "approval.bpmn", PublishedAt = TestRuntime.T0 };

        await catalog.ModelsAsync(candidate, Ct);
        await catalog.ModelsAsync(candidate, Ct);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task An_unchanged_file_is_deployed_again_without_its_expressions_being_parsed_and_a_changed_one_with_them()
    {
        var reads = new CountingReader(new BpmnXmlModelReader());
        await using var host = await TestRuntime.CreateAsync(TestDatabase.InMemory, s => s.AddSingleton<IBpmnModelReader>(reads));

        var first = await host.DeployAsync(Processes.Approval());
        Assert.Equal(1, reads.WithExpressions);

        // What every start does with the workflow files: each one found stored, none of their expressions parsed again.
        var again = await host.Deployment.DeployAsync(Processes.Approval(), "approval.bpmn", Actors.Admin, Ct);
        Assert.False(again.Processes.Single().IsNewVersion);
        Assert.Equal(first, again.Processes.Single().Definition.Id);
        Assert.Equal(1, reads.WithExpressions);

        var changed = await host.Deployment.DeployAsync(Processes.Approval("Review v2"), "approval.bpmn", Actors.Admin, Ct);
        Assert.True(changed.Processes.Single().IsNewVersion);
        Assert.Equal(2, reads.WithExpressions);

        // A changed file whose expression does not parse is still refused, naming it.
        var broken = Processes.Approval("Review v3").Replace("""targetRef="End" />""", """targetRef="End"><conditionExpression>${amount &gt;}</conditionExpression></sequenceFlow>""");
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() => host.Deployment.DeployAsync(broken, "approval.bpmn", Actors.Admin, Ct));
        Assert.Contains("column", Assert.Single(refused.Errors["f2"]));
        Assert.Equal(3, reads.WithExpressions);
    }

    private sealed class CountingReader(IBpmnModelReader inner) : IBpmnModelReader
    {
        private int count;
        private int withExpressions;
        public int Count => count;
        public int WithExpressions => withExpressions;

        public BpmnReadOutcome Read(string xml, string sourceName)
        {
            Interlocked.Increment(ref count);
            Interlocked.Increment(ref withExpressions);
            return inner.Read(xml, sourceName);
        }

        public BpmnReadOutcome ReadStored(string xml, string sourceName)
        {
            Interlocked.Increment(ref count);
            return inner.ReadStored(xml, sourceName);
        }
    }
}
