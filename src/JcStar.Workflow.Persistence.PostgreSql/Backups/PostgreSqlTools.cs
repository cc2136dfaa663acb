using System.Diagnostics;
using JcStar.Workflow.Runtime.Backups;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql.Backups;

/// <summary>
/// Runs PostgreSQL's own pg_dump and pg_restore with the connection's host, port, user and database; the
/// password travels in PGPASSWORD, never on the command line. When a tool is missing the refusal carries
/// the exact command to run by hand.
/// </summary>
public static class PostgreSqlTools
{
    public const string DumpFile = "workflow.pgdump";

    /// <summary>
    /// Refuses, with the command to run by hand, when <paramref name="tool"/> is not installed: called before any state
    /// the printed command could not reproduce (such as an exported snapshot, which ends with this process's transaction).
    /// </summary>
    public static void EnsureInstalled(string tool, IReadOnlyList<string> arguments, string connectionString)
    {
        if (Find(tool) is null)
            throw NotInstalled(tool, ConnectionArguments(new NpgsqlConnectionStringBuilder(connectionString)).Concat(arguments).ToList());
    }

    public static async Task RunAsync(string tool, IReadOnlyList<string> arguments, string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnectionStringBuilder(connectionString);
        var all = ConnectionArguments(connection).Concat(arguments).ToList();
        var executable = Find(tool) ?? throw NotInstalled(tool, all);
        var start = new ProcessStartInfo(executable) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in all)
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(connection.Password))
            start.Environment["PGPASSWORD"] = connection.Password;
        using var process = Process.Start(start) ?? throw new BackupRejectedException($"{tool} could not be started");
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
            throw new BackupRejectedException($"{tool} failed (exit {process.ExitCode}): {(await stderr).Trim()} {(await stdout).Trim()}".Trim());
    }

    private static BackupRejectedException NotInstalled(string tool, IReadOnlyList<string> arguments) => new(
        $"{Path.GetFileName(tool)} is not installed (install the PostgreSQL client tools of the server's version). Run this instead, with PGPASSWORD set to the database password:{Environment.NewLine}  {Path.GetFileName(tool)} {string.Join(' ', arguments.Select(Quote))}");

    private static IEnumerable<string> ConnectionArguments(NpgsqlConnectionStringBuilder c)
    {
        yield return $"--host={c.Host ?? "localhost"}";
        yield return $"--port={c.Port}";
        if (!string.IsNullOrEmpty(c.Username))
            yield return $"--username={c.Username}";
        yield return $"--dbname={c.Database}";
    }

    private static string? Find(string tool)
    {
        if (Path.IsPathRooted(tool))
            return File.Exists(tool) ? tool : null;
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);
    }

    private static string Quote(string argument) => argument.Any(char.IsWhiteSpace) ? $"'{argument}'" : argument;
}
