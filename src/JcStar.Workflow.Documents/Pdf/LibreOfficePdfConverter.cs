using System.ComponentModel;
using System.Diagnostics;
using System.Reflection;
using System.Text.Json;

namespace JcStar.Workflow.Documents.Pdf;

/// <summary>
/// Keeps one LibreOffice running (its own user profile, our fontconfig) and one UNO worker connected to
/// it, so a conversion costs only the conversion. Conversions are serialized; one that exceeds its
/// timeout kills both processes, and the next call starts them again, as does any call after a crash.
/// </summary>
public sealed class LibreOfficePdfConverter(PdfOptions options) : IPdfConverter, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private Process? _office;
    private Process? _worker;
    private string? _workDirectory;
    private int _sequence;

    /// <summary>True when the LibreOffice executable can be found.</summary>
    public static bool IsAvailable(PdfOptions options) =>
        Path.IsPathRooted(options.SofficePath)
            ? File.Exists(options.SofficePath)
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(dir => File.Exists(Path.Combine(dir, options.SofficePath)));

    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!IsRunning)
                await StartAsync(cancellationToken);
            var n = Interlocked.Increment(ref _sequence);
            var input = Path.Combine(_workDirectory!, $"in-{n}.docx");
            var output = Path.Combine(_workDirectory!, $"out-{n}.pdf");
            await File.WriteAllBytesAsync(input, docx, cancellationToken);
            try
            {
                var request = JsonSerializer.Serialize(new Dictionary<string, string> { ["in"] = input, ["out"] = output });
                await _worker!.StandardInput.WriteLineAsync(request.AsMemory(), cancellationToken);
                await _worker.StandardInput.FlushAsync(cancellationToken);
                var answer = await ReadAnswerAsync(options.ConversionTimeout, cancellationToken);
                if (answer.TryGetProperty("error", out var error))
                    throw new PdfConversionException($"LibreOffice could not convert the document: {error.GetString()}");
                return await File.ReadAllBytesAsync(output, cancellationToken);
            }
            finally
            {
                File.Delete(input);
                File.Delete(output);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The running LibreOffice, for supervision and tests.</summary>
    internal int? OfficeProcessId => _office is { HasExited: false } office ? office.Id : null;

    private bool IsRunning => _office is { HasExited: false } && _worker is { HasExited: false };

    private async Task StartAsync(CancellationToken cancellationToken)
    {
        Stop();
        _workDirectory ??= options.WorkDirectory is { Length: > 0 } configured
            ? Directory.CreateDirectory(configured).FullName
            : Directory.CreateTempSubdirectory("jcstar-pdf-").FullName;
        var script = Path.Combine(_workDirectory, "convert-worker.py");
        await File.WriteAllTextAsync(script, Resource("convert-worker.py"), cancellationToken);
        var fontConfig = options.FontConfigFile;
        if (string.IsNullOrEmpty(fontConfig))
        {
            fontConfig = Path.Combine(_workDirectory, "fonts.conf");
            await File.WriteAllTextAsync(fontConfig, Resource("fonts.conf"), cancellationToken);
        }
        var pipe = $"jcstar_pdf_{Environment.ProcessId}_{Guid.NewGuid():N}";
        var profile = new Uri(Path.Combine(_workDirectory, "profile")).AbsoluteUri;

        var office = new ProcessStartInfo(options.SofficePath)
        {
            ArgumentList =
            {
                "--headless", "--invisible", "--norestore", "--nologo", "--nodefault", "--nolockcheck", "--nofirststartwizard",
                $"-env:UserInstallation={profile}",
                $"--accept=pipe,name={pipe};urp;StarOffice.ComponentContext",
            },
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        office.Environment["FONTCONFIG_FILE"] = fontConfig;
        try
        {
            _office = Process.Start(office) ?? throw new PdfConversionException("LibreOffice did not start");
        }
        catch (Win32Exception e)
        {
            throw new PdfConversionException($"LibreOffice ({options.SofficePath}) is not installed or not on PATH: apt-get install libreoffice-writer-nogui python3-uno", e);
        }
        _office.OutputDataReceived += (_, _) => { };
        _office.ErrorDataReceived += (_, _) => { };
        _office.BeginOutputReadLine();
        _office.BeginErrorReadLine();

        var worker = new ProcessStartInfo(options.PythonPath)
        {
            ArgumentList = { script, pipe, options.StartupTimeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        worker.Environment["FONTCONFIG_FILE"] = fontConfig;
        try
        {
            _worker = Process.Start(worker) ?? throw new PdfConversionException("the UNO worker did not start");
        }
        catch (Win32Exception e)
        {
            Stop();
            throw new PdfConversionException($"Python ({options.PythonPath}) with the uno module is needed for PDF: apt-get install python3-uno", e);
        }
        _worker.ErrorDataReceived += (_, _) => { };
        _worker.BeginErrorReadLine();
        var ready = await ReadAnswerAsync(options.StartupTimeout + TimeSpan.FromSeconds(5), cancellationToken);
        if (!ready.TryGetProperty("ready", out _))
        {
            Stop();
            throw new PdfConversionException($"LibreOffice did not accept the worker: {ready}");
        }
    }

    private async Task<JsonElement> ReadAnswerAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        string? line;
        try
        {
            line = await _worker!.StandardOutput.ReadLineAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Stop();
            throw new PdfConversionException($"LibreOffice did not answer within {timeout.TotalSeconds:0.#} s (Documents:Pdf timeouts); it was stopped and will be restarted");
        }
        if (line is null)
        {
            Stop();
            throw new PdfConversionException("LibreOffice or its worker exited; it will be restarted on the next conversion");
        }
        return JsonDocument.Parse(line).RootElement.Clone();
    }

    private static string Resource(string name)
    {
        using var stream = typeof(LibreOfficePdfConverter).Assembly.GetManifestResourceStream($"JcStar.Workflow.Documents.Pdf.{name}")
            ?? throw new InvalidOperationException($"resource {name} missing from {Assembly.GetExecutingAssembly().GetName().Name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private void Stop()
    {
        foreach (var process in new[] { _worker, _office })
        {
            if (process is null)
                continue;
            try
            {
                if (!process.HasExited)
                    process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
            catch (InvalidOperationException)
            {
                // Already gone.
            }
            process.Dispose();
        }
        _worker = null;
        _office = null;
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        if (_workDirectory is not null && options.WorkDirectory is not { Length: > 0 })
        {
            try
            {
                Directory.Delete(_workDirectory, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a dying process; the temp folder is cleaned by the system.
            }
        }
        _gate.Dispose();
        return ValueTask.CompletedTask;
    }
}
