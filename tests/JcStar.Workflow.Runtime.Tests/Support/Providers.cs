using Xunit;

namespace JcStar.Workflow.Runtime.Tests.Support;

public static class Providers
{
    /// <summary>The database providers every store test runs on.</summary>
    public static TheoryData<string> Databases => new(TestDatabase.Sqlite, TestDatabase.PostgreSql);

    /// <summary>The in-memory adapter too: the runtime must behave the same on every store.</summary>
    public static TheoryData<string> All => new(TestDatabase.InMemory, TestDatabase.Sqlite, TestDatabase.PostgreSql);
}
