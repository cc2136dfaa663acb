using JcStar.Workflow.Runtime.Documents;
using JcStar.Workflow.Simulation;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>The simulation's view of the server's template versions: the server's latest first, the folder's file for a name it lacks, nothing written back.</summary>
public sealed class LayeredLetterTemplateStoreTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly DateTimeOffset At = new(2026, 4, 1, 9, 0, 0, TimeSpan.Zero);

    private static NewLetterTemplateVersion Version(string name, string text, bool fromFolder) =>
        new(name, LetterTemplateFiles.WordFile(text), At, fromFolder ? "system:templates" : "mori", null, fromFolder);

    [Fact]
    public async Task A_name_the_server_holds_opens_at_its_latest_version_and_a_name_it_lacks_is_kept_in_the_run_only()
    {
        var server = new InMemoryLetterTemplateStore();
        await server.AddAsync(Version("grant-notice", "第一版", fromFolder: true), Ct);
        await server.AddAsync(Version("grant-notice", "第二版", fromFolder: false), Ct);
        var layered = new LayeredLetterTemplateStore(server);

        // What LetterTemplates.CurrentAsync does for a file of the folder: the server's name is not stored again.
        var folderGrant = await layered.AddAsync(Version("grant-notice", "第一版", fromFolder: true), Ct);
        var folderOnly = await layered.AddAsync(Version("fee-request", "手数料", fromFolder: true), Ct);

        Assert.False(folderGrant.IsNew);
        Assert.Equal(2, folderGrant.Version.Version);
        Assert.Equal("第二版", LetterTemplateFiles.Text((await layered.OpenAsync("grant-notice", null, Ct))!.Value.Content));
        Assert.Equal("第一版", LetterTemplateFiles.Text((await layered.OpenAsync("grant-notice", 1, Ct))!.Value.Content));
        Assert.True(folderOnly.IsNew);
        Assert.Equal("手数料", LetterTemplateFiles.Text((await layered.OpenAsync("fee-request", null, Ct))!.Value.Content));
        Assert.Equal(["fee-request:1", "grant-notice:2", "grant-notice:1"], (await layered.ListAsync(Ct)).Select(v => $"{v.Name}:{v.Version}"));
        Assert.Equal(["grant-notice:2", "grant-notice:1"], (await server.ListAsync(Ct)).Select(v => $"{v.Name}:{v.Version}"));
        Assert.Null(await server.OpenAsync("fee-request", null, Ct));
    }
}
