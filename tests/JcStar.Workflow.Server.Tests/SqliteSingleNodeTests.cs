using System.Diagnostics;
using System.Text;
using Xunit;

namespace JcStar.Workflow.Server.Tests;

/// <summary>
/// SQLite serves one node: its writer queue and group commit live in one process. Two real server
/// processes (the built JcStar.Workflow.Server.dll) on one data folder: the second refuses to start.
/// </summary>
public sealed class SqliteSingleNodeTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_second_server_process_on_the_same_SQLite_file_refuses_to_start_and_says_several_nodes_need_PostgreSQL()
    {
        var data = Path.Combine(Path.GetTempPath(), "jcstar-single-node", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        using var first = ServerProcess.Start(data);
        Assert.True(await first.WaitForAsync("Now listening on", TimeSpan.FromSeconds(90), Ct), "the first server did not start:\n" + first.Output);

        using var second = ServerProcess.Start(data);
        var exited = await second.WaitForExitAsync(TimeSpan.FromSeconds(90), Ct);

        Assert.True(exited, "the second server on the same SQLite file kept running:\n" + second.Output);
        Assert.NotEqual(0, second.ExitCode);
        Assert.Contains("several nodes need PostgreSQL", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening on", second.Output, StringComparison.Ordinal);
        Assert.False(first.HasExited, "the first server stopped:\n" + first.Output);

        first.Kill();
        // The lock dies with its process: a server started after it takes the database.
        using var third = ServerProcess.Start(data);
        Assert.True(await third.WaitForAsync("Now listening on", TimeSpan.FromSeconds(90), Ct), "a server after the first one died did not start:\n" + third.Output);
        third.Kill();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    /// <summary>The server as an OS process on a data folder, on a free port, with its output collected.</summary>
    private sealed class ServerProcess : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        private ServerProcess(Process process) => _process = process;

        public string Output
        {
            get
            {
                lock (_output)
                    return _output.ToString();
            }
        }

        public bool HasExited => _process.HasExited;

        public int ExitCode => _process.ExitCode;

        public static ServerProcess Start(string dataRoot)
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "JcStar.Workflow.Server.dll");
            var info = new ProcessStartInfo("dotnet")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = dataRoot,
            };
            // Development: this test is about the database lock, not the office data Production insists on.
            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
            foreach (var arg in new[]
            {
                dll, "--urls", "http://127.0.0.1:0", $"--Data:Root={dataRoot}", "--Workflows:DeployAtStart=false",
                "--Hangfire:Server=false", "--Hangfire:Dashboard=false", "--Logging:LogLevel:Default=Information",
            })
                info.ArgumentList.Add(arg);
            var process = new Process { StartInfo = info };
            var server = new ServerProcess(process);
            process.OutputDataReceived += (_, e) => server.Append(e.Data);
            process.ErrorDataReceived += (_, e) => server.Append(e.Data);
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            return server;
        }

        public async Task<bool> WaitForAsync(string text, TimeSpan timeout, CancellationToken ct)
        {
            var until = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < until && !_process.HasExited)
            {
                if (Output.Contains(text, StringComparison.Ordinal))
                    return true;
                await Task.Delay(100, ct);
            }
            return Output.Contains(text, StringComparison.Ordinal);
        }

        public async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken ct)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
            limit.CancelAfter(timeout);
            try
            {
                await _process.WaitForExitAsync(limit.Token);
                _process.WaitForExit(); // drains the redirected output
                return true;
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                return false;
            }
        }

        public void Kill()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }

        private void Append(string? line)
        {
            if (line is null)
                return;
            lock (_output)
                _output.AppendLine(line);
        }

        public void Dispose()
        {
            Kill();
            _process.Dispose();
        }
    }
}
