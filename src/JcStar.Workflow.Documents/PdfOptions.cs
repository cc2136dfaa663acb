namespace JcStar.Workflow.Documents;

/// <summary>The "Documents:Pdf" section: the warm LibreOffice converter.</summary>
public sealed record PdfOptions
{
    /// <summary>The LibreOffice executable.</summary>
    public string SofficePath { get; init; } = "soffice";

    /// <summary>A Python that can <c>import uno</c> (Debian: /usr/bin/python3 with python3-uno).</summary>
    public string PythonPath { get; init; } = "/usr/bin/python3";

    /// <summary>Working folder for the LibreOffice user profile, the worker script and scratch files; a temp folder when empty.</summary>
    public string? WorkDirectory { get; init; }

    /// <summary>fontconfig file used by LibreOffice; empty means the one shipped with this assembly (Word's Japanese fonts mapped to IPA/Noto).</summary>
    public string? FontConfigFile { get; init; }

    /// <summary>Longest one conversion may take before LibreOffice is killed and restarted.</summary>
    public TimeSpan ConversionTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Longest LibreOffice may take to start and accept the worker's connection.</summary>
    public TimeSpan StartupTimeout { get; init; } = TimeSpan.FromSeconds(60);
}
