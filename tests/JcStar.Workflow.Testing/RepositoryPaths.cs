namespace JcStar.Workflow.Testing;

/// <summary>Finds the repository from wherever the tests run; tests read nothing outside it.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding JcStar.Workflow.sln.</summary>
    public static string Root => RootLazy.Value;

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JcStar.Workflow.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException("JcStar.Workflow.sln not found above " + AppContext.BaseDirectory);
    }
}
