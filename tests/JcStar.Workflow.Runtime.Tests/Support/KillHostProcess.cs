using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using JcStar.Workflow.Testing;

namespace JcStar.Workflow.Runtime.Tests.Support;

/// <summary>
/// tests/JcStar.Workflow.Runtime.KillHost run as a child process (built before this project through its
/// ProjectReference): stdout is read line by line for the node protocol ("ready", "go", "report {json}"),
/// stderr is kept for failure messages.
/// </summary>
public sealed class KillHostProcess : IDisposable
{
    /// <summary>Only against a hang: a child that does not answer in this long has stopped working.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);

    private readonly Process _process;
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();
    private readonly StringBuilder _stderr = new();
    private string? _report;

    private KillHostProcess(Process process) => _process = process;

    public static KillHostProcess Start(params string[] args)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var dll = RepositoryPaths.InRepo("tests", "JcStar.Workflow.Runtime.KillHost", "bin", configuration, "net10.0", "JcStar.Workflow.Runtime.KillHost.dll");
        Assert.True(File.Exists(dll), $"build the kill host first: {dll}");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var arg in args)
            start.ArgumentList.Add(arg);
        var child = new KillHostProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
                child._lines.Writer.TryComplete();
            else
                child._lines.Writer.TryWrite(e.Data);
        };
        child._process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
                lock (child._stderr)
                    child._stderr.AppendLine(e.Data);
        };
        child._process.Start();
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The child's stderr so far, for failure messages.</summary>
    public string Errors
    {
        get
        {
            lock (_stderr)
                return _stderr.Length <= 4000 ? _stderr.ToString() : "…" + _stderr.ToString(_stderr.Length - 4000, 4000);
        }
    }

    /// <summary>Reads stdout up to the line <paramref name="expected"/>; fails if the child ends first.</summary>
    public async Task WaitForLineAsync(string expected, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Patience);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(limit.Token))
            {
                if (line.StartsWith("report ", StringComparison.Ordinal))
                    _report = line["report ".Length..];
                if (line == expected)
                    return;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"the child said no \"{expected}\" in {Patience}; stderr:\n{Errors}");
        }
        Assert.Fail($"the child ended without saying \"{expected}\"; stderr:\n{Errors}");
    }

    /// <summary>Reads stdout up to the first line starting with <paramref name="prefix"/> and returns it; fails if the child ends first.</summary>
    public async Task<string> WaitForLineStartingAsync(string prefix, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Patience);
        try
        {
            await foreach (var line in _lines.Reader.ReadAllAsync(limit.Token))
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                    return line;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"the child said no \"{prefix}…\" in {Patience}; stderr:\n{Errors}");
        }
        Assert.Fail($"the child ended without saying \"{prefix}…\"; stderr:\n{Errors}");
        return "";
    }

    /// <summary>Writes a line to the child's stdin; to a child already gone it is dropped (its report says why it went).</summary>
    public async Task SendAsync(string line)
    {
        try
        {
            await _process.StandardInput.WriteLineAsync(line);
            await _process.StandardInput.FlushAsync();
        }
        catch (IOException) when (_process.HasExited)
        {
        }
    }

    /// <summary>Waits for the child to end and returns its "report {json}" line.</summary>
    public async Task<JsonElement> ReportAsync(CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(Patience);
        await foreach (var line in _lines.Reader.ReadAllAsync(limit.Token))
        {
            if (line.StartsWith("report ", StringComparison.Ordinal))
                _report = line["report ".Length..];
        }
        await _process.WaitForExitAsync(limit.Token);
        Assert.True(_process.ExitCode == 0, $"the child exited with {_process.ExitCode}; stderr:\n{Errors}");
        Assert.True(_report is not null, $"the child wrote no report; stderr:\n{Errors}");
        return JsonDocument.Parse(_report).RootElement.Clone();
    }

    /// <summary>The stdout lines received and not yet read (after <see cref="KillAsync"/>: every line the child wrote).</summary>
    public List<string> TakeLines()
    {
        var lines = new List<string>();
        while (_lines.Reader.TryRead(out var line))
            lines.Add(line);
        return lines;
    }

    /// <summary>SIGKILL: no shutdown code runs, as when a server dies.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        _process.Dispose();
    }
}
