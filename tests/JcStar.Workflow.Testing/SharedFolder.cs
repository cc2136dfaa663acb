using Xunit;

namespace JcStar.Workflow.Testing;

/// <summary>Corpora under ../shared are read in place; a missing folder fails loudly instead of passing on nothing.</summary>
public static class SharedFolder
{
    public static string Require(params string[] parts)
    {
        var path = RepositoryPaths.InShared(parts);
        Assert.True(Directory.Exists(path) || File.Exists(path), $"shared test data missing: {path} (the shared/ folder must sit beside the repository)");
        return path;
    }
}
