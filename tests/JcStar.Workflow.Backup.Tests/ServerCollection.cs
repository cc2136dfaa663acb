using Xunit;

namespace JcStar.Workflow.Backup.Tests;

/// <summary>Hangfire keeps its storage in a static: servers in this assembly run one after another.</summary>
[CollectionDefinition(nameof(ServerCollection), DisableParallelization = true)]
public sealed class ServerCollection;
