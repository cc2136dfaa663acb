using Xunit;

namespace JcStar.Workflow.Testing;

/// <summary>Test data lives in the repository under tests/; a missing folder fails loudly instead of passing on nothing.</summary>
public static class CorpusFolder
{
    /// <summary>A path under tests/corpora/ (third-party corpora, each with its licence).</summary>
    public static string Require(params string[] parts) => RequireInRepo(["tests", "corpora", .. parts]);

    /// <summary>A path anywhere in the repository that the test cannot do without.</summary>
    public static string RequireInRepo(params string[] parts)
    {
        var path = RepositoryPaths.InRepo(parts);
        Assert.True(Directory.Exists(path) || File.Exists(path), $"test data missing from the repository: {path}");
        return path;
    }
}
