using Xunit;

namespace JcStar.Workflow.Testing;

/// <summary>
/// Tests that need a real component (PostgreSQL, Chromium, LibreOffice, …) call this. When the
/// component is absent the test is skipped, unless JCSTAR_REQUIRE_ALL is set (CI sets it): then it fails.
/// </summary>
public static class RequiredComponent
{
    public static bool RequireAll => Environment.GetEnvironmentVariable("JCSTAR_REQUIRE_ALL") is { Length: > 0 } v && v != "0";

    public static void SkipOrFailWhenAbsent(bool present, string component, string howToGetIt)
    {
        if (present)
            return;
        var message = $"{component} is not available: {howToGetIt}";
        if (RequireAll)
            Assert.Fail(message + " (JCSTAR_REQUIRE_ALL is set, so this test may not skip)");
        Assert.Skip(message);
    }

    /// <summary>True when an executable of that name is on PATH.</summary>
    public static bool IsOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, executable)));
}
