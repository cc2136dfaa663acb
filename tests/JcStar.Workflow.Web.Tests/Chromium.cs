using JcStar.Workflow.Testing;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>Debian's chromium package, launched by its path: nothing here downloads a browser.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public static bool IsInstalled => File.Exists(ExecutablePath);

    public static void SkipOrFailWhenAbsent() =>
        RequiredComponent.SkipOrFailWhenAbsent(IsInstalled, "Chromium (" + ExecutablePath + ")", "apt-get install chromium (.ci/run does)");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ExecutablePath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
}
