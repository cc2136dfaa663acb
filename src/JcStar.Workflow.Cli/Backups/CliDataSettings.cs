using JcStar.Workflow.Persistence;
using Microsoft.Data.Sqlite;

namespace JcStar.Workflow.Cli.Backups;

/// <summary>
/// Where the server keeps its state, as the CLI sees it: options first, then the same keys as
/// appsettings.json in the environment (JCSTAR_DATA__ROOT, JCSTAR_DATABASE__PROVIDER,
/// JCSTAR_DATABASE__CONNECTIONSTRING, JCSTAR_DOCUMENTS__STORE, JCSTAR_DOCUMENTS__STOREROOT,
/// JCSTAR_HANGFIRE__CONNECTIONSTRING), then the embedded defaults under ./data.
/// </summary>
internal sealed record CliDataSettings(DatabaseProvider Provider, string? ConnectionString, string DataRoot, string DocumentsStore, string DocumentsRoot, string HangfireFile)
{
    public string WorkflowDatabaseFile =>
        ConnectionString is { Length: > 0 } c && Provider == DatabaseProvider.Sqlite
            ? Path.GetFullPath(new SqliteConnectionStringBuilder(c).DataSource)
            : Path.Combine(DataRoot, "workflow.db");

    public bool DocumentsInFiles => string.Equals(DocumentsStore, "Files", StringComparison.OrdinalIgnoreCase);

    public static CliDataSettings Resolve(DatabaseProvider? provider, string? connection, string? dataRoot)
    {
        var kind = provider
            ?? (Enum.TryParse<DatabaseProvider>(Env("DATABASE__PROVIDER"), true, out var p) ? p : DatabaseProvider.Sqlite);
        var root = Path.GetFullPath(dataRoot ?? Env("DATA__ROOT") ?? "./data");
        var store = Env("DOCUMENTS__STORE") ?? "Files";
        var storeRoot = Env("DOCUMENTS__STOREROOT") is { } configured && configured != "data/documents"
            ? Path.GetFullPath(configured)
            : Path.Combine(root, "documents");
        var hangfire = Env("HANGFIRE__CONNECTIONSTRING") is { } h && kind == DatabaseProvider.Sqlite ? Path.GetFullPath(h) : Path.Combine(root, "hangfire.db");
        return new CliDataSettings(kind, connection ?? Env("DATABASE__CONNECTIONSTRING"), root, store, storeRoot, hangfire);
    }

    private static string? Env(string key) => Environment.GetEnvironmentVariable("JCSTAR_" + key) is { Length: > 0 } v ? v : null;
}
