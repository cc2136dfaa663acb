using JcStar.Workflow.Runtime.Definitions;

namespace JcStar.Workflow.Server.Api;

public sealed record DefinitionView(
    string Id, string ProcessId, int Version, string? Name, string ContentHash, string SourceName,
    string? PublishedBy, DateTimeOffset PublishedAt, IReadOnlyList<string> Calls, bool? IsNewVersion = null, string? Note = null)
{
    public static DefinitionView From(DeployedDefinition d, bool? isNew = null) =>
        new(d.Id, d.ProcessId, d.Version, d.Name, d.ContentHash, d.SourceName, d.PublishedBy, d.PublishedAt, d.CalledDefinitionIds, isNew, d.Note);
}
