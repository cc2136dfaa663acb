using System.Text;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Documents;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Access;

/// <summary>Files attached to a case through a task: kept under their Japanese names, refused by size, type and content, and only by those who see the task.</summary>
public sealed class AttachmentTests(AuthorizationMatrixTests.MatrixServer server) : IClassFixture<AuthorizationMatrixTests.MatrixServer>
{
    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n");

    [Fact]
    public async Task Staff_attach_a_PDF_under_its_Japanese_name_and_the_case_lists_it()
    {
        await server.World.InitializeAsync();
        var (instanceId, taskId) = await server.World.CaseOfAsync("A", "JCS-ATT-1");
        var attachments = server.Services.GetRequiredService<CaseAttachments>();

        var document = await attachments.AttachAsync(taskId, "C:\\fakepath\\補正書類_第1版.pdf", Pdf, server.World.People["staff"], TestContext.Current.CancellationToken);

        Assert.Equal("補正書類_第1版.pdf", document.Name);
        Assert.Equal("application/pdf", document.ContentType);
        var listed = await server.Services.GetRequiredService<IDocumentStore>().ListByInstanceAsync(instanceId, TestContext.Current.CancellationToken);
        Assert.Contains(listed, d => d.Id == document.Id);
    }

    [Theory]
    [InlineData("report.exe", "not accepted")]
    [InlineData("report.pdf", "does not contain what its name says")]
    [InlineData("empty.pdf", "is empty")]
    public async Task A_disallowed_or_disguised_file_is_refused_naming_the_problem(string name, string reason)
    {
        await server.World.InitializeAsync();
        var (_, taskId) = await server.World.CaseOfAsync("A", $"JCS-ATT-{name}");
        var content = name == "empty.pdf" ? [] : Encoding.ASCII.GetBytes("MZ not a pdf");
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            server.Services.GetRequiredService<CaseAttachments>().AttachAsync(taskId, name, content, server.World.People["staff"], TestContext.Current.CancellationToken));
        Assert.Contains(reason, Assert.Single(refused.Errors["attachment"]));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_refused()
    {
        await server.World.InitializeAsync();
        var (_, taskId) = await server.World.CaseOfAsync("A", "JCS-ATT-big");
        var limit = server.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttachmentOptions>>().Value.MaxBytes;
        var big = new byte[limit + 1];
        Pdf.CopyTo(big, 0);
        var refused = await Assert.ThrowsAsync<WorkflowInputException>(() =>
            server.Services.GetRequiredService<CaseAttachments>().AttachAsync(taskId, "big.pdf", big, server.World.People["staff"], TestContext.Current.CancellationToken));
        Assert.Contains("the largest accepted", Assert.Single(refused.Errors["attachment"]));
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_task_cannot_attach_to_it()
    {
        await server.World.InitializeAsync();
        var (_, taskId) = await server.World.CaseOfAsync("A", "JCS-ATT-hidden");
        var attachments = server.Services.GetRequiredService<CaseAttachments>();
        foreach (var role in new[] { "applicantB", "conflicted", "facility" })
            await Assert.ThrowsAsync<WorkflowNotFoundException>(() => attachments.AttachAsync(taskId, "x.pdf", Pdf, server.World.People[role], TestContext.Current.CancellationToken));
    }
}
