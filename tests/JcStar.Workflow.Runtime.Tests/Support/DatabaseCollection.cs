using Xunit;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>Tests that reset the shared PostgreSQL test database run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DatabaseCollection
{
    public const string Name = "database";
}
