using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// Waits for a page to arrive at an address and finish loading, without <c>IPage.WaitForURLAsync</c>. That method first
/// checks the current address and load state, then subscribes to the next event, while another thread delivers events:
/// an event that comes between the two is lost (playwright-dotnet#3364). In CI a form post's redirect committed, its
/// <c>load</c> event fell into that gap, and the wait sat out its 60 s after seeing only <c>"NetworkIdle" event fired</c>.
/// Here the address is asserted by Playwright's server (<c>Expect(page).ToHaveURLAsync</c>), or polled, and the load
/// state is asked for in short waits, each of which finds a state already recorded at its check.
/// </summary>
internal static class PageArrival
{
    private static readonly TimeSpan Patience = TimeSpan.FromMilliseconds(PlaywrightDefaults.ActionTimeoutMs);

    public static async Task ArrivedAtAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = PlaywrightDefaults.ActionTimeoutMs });
        await LoadedAsync(page);
    }

    /// <param name="timeoutMs">How long to wait for the address; the sign-in page asks for its own, to say what it shows instead.</param>
    public static async Task ArrivedAtAsync(this IPage page, Func<string, bool> url, float timeoutMs = PlaywrightDefaults.ActionTimeoutMs)
    {
        var waited = Stopwatch.StartNew();
        // IPage.Url is the address of the last navigation event the client has applied: read again, it cannot be missed.
        while (!url(page.Url))
        {
            if (waited.ElapsedMilliseconds > timeoutMs)
                throw new TimeoutException($"Timeout {timeoutMs}ms exceeded waiting for the page to leave {page.Url}");
            await Task.Delay(50);
        }
        await LoadedAsync(page);
    }

    private static async Task LoadedAsync(IPage page)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await page.WaitForLoadStateAsync(LoadState.Load, new() { Timeout = 2_000 });
                return;
            }
            catch (TimeoutException) when (waited.Elapsed < Patience)
            {
                // A load event missed by the last wait is recorded all the same: the next one finds it at once.
            }
        }
    }
}
