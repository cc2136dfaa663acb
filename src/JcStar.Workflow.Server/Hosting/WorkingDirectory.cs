namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// `dotnet run --project src/JcStar.Workflow.Server` runs in the project's folder, but ./data, workflows/ and
/// templates/ belong to the repository root. When the current folder has no workflows/ and a folder above it
/// holds the solution, that folder becomes the working directory, so every relative path resolves the same
/// way. A published server started in its own folder is left alone.
/// </summary>
public static class WorkingDirectory
{
    public static void UseRepositoryRootWhenRunFromTheProject()
    {
        var current = Directory.GetCurrentDirectory();
        if (Directory.Exists(Path.Combine(current, "workflows")))
            return;
        for (var dir = Directory.GetParent(current); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "JcStar.Workflow.sln")) && Directory.Exists(Path.Combine(dir.FullName, "workflows")))
            {
                Directory.SetCurrentDirectory(dir.FullName);
                return;
            }
        }
    }
}
