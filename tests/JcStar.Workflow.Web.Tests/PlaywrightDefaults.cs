using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// Waits sized for a shared two-core CI machine: an assertion on the page waits up to 20 s for its condition and an action up to 60 s (Playwright's
/// 5 s default fails when the machine is busy, not when the page is wrong). Waits are on conditions, never fixed sleeps,
/// so a fast machine passes as fast as before.
/// </summary>
internal static class PlaywrightDefaults
{
    public const float ExpectTimeoutMs = 20_000;

    /// <summary>A click, fill or navigation waits up to 60 s (Playwright's default is 30 s), set on every browser context the tests open.</summary>
    public const float ActionTimeoutMs = 60_000;

    [ModuleInitializer]
    internal static void Apply() => Assertions.SetDefaultExpectTimeout(ExpectTimeoutMs);
}
