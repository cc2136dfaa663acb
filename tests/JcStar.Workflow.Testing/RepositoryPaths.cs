namespace JcStar.Workflow.Testing;

/// <summary>Finds the repository and the shared/ folder beside it from wherever the tests run.</summary>
public static class RepositoryPaths
{
    private static readonly Lazy<string> RootLazy = new(FindRoot);

    /// <summary>The folder holding JcStar.Workflow.sln.</summary>
    public static string Root => RootLazy.Value;

    /// <summary>The shared/ folder beside the repository (../shared), or JCSTAR_SHARED when set.</summary>
    public static string Shared =>
        Environment.GetEnvironmentVariable("JCSTAR_SHARED") is { Length: > 0 } s ? s : Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string InRepo(params string[] parts) => Path.Combine([Root, .. parts]);

    public static string InShared(params string[] parts) => Path.Combine([Shared, .. parts]);

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
