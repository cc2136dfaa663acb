using JcStar.Workflow.Scheme.Labels;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace JcStar.Workflow.Web.Tests;

/// <summary>
/// The public pages (/registry, /registry/{number}, /complaints/new) in Chromium with hostile input: markup in a
/// company's or product's name and in the search and complaint fields is shown as the text it is, never run or
/// drawn. Each hostile string would set <c>window.__pwned</c> if it ran; the pages must leave it undefined.
/// </summary>
public sealed class PublicPagesTests(StaffWorkspace workspace) : IClassFixture<StaffWorkspace>
{
    private const string HostileCompany = "<script>window.__pwned='company'</script><b class=\"injected\">株式会社</b>悪意&amp;\"'";
    private const string HostileProduct = "<img class=\"injected\" src=x onerror=\"window.__pwned='product'\">ルーター";
    private const string HostileModel = "HX-1\"><svg class=\"injected\" onload=\"window.__pwned='model'\">";
    private const string HostileSearch = "\"><script>window.__pwned='search'</script><img class=\"injected\" src=x onerror=\"window.__pwned='search-img'\">";

    private string SeedHostileEntry()
    {
        var number = "JC1-2026-" + Random.Shared.Next(100000, 999999);
        var today = DateOnly.FromDateTime(workspace.Server.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        workspace.Server.Services.GetRequiredService<IRegistryStore>().Add(new RegistryEntry
        {
            RegistrationNumber = number,
            ApplicationNumber = "A-" + number,
            Level = LabelLevel.Star1,
            SupplierId = "hostile-" + number,
            SupplierName = HostileCompany,
            Products = [new LabelledProduct(HostileProduct, [HostileModel], today.AddDays(-10))],
            IssueDate = today.AddDays(-10),
            GrantDate = today.AddDays(-10),
            ExpiryDate = today.AddYears(2),
            PublishedFields = [PublicationField.Supplier, PublicationField.ProductName, PublicationField.ModelNumbers, PublicationField.IssueDate, PublicationField.ExpiryDate],
        });
        return number;
    }

    /// <summary>Nothing hostile ran or was drawn as an element: no flag set, no element the strings would have made.</summary>
    private static async Task AssertNothingRanAsync(IPage page)
    {
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__pwned"));
        Assert.Equal(0, await page.Locator(".injected").CountAsync());
        Assert.Equal(0, await page.Locator("main script, main img, main svg, main b").CountAsync());
    }

    [Fact]
    public async Task Markup_in_a_company_name_and_in_the_search_shows_as_text_in_the_registry_and_its_entry()
    {
        Chromium.SkipOrFailWhenAbsent();
        var number = SeedHostileEntry();
        var page = await workspace.NewPageAsync();

        // The company's markup is text in the list, found by searching for part of that markup.
        await page.GotoAsync("/registry?company=" + Uri.EscapeDataString("<script>window.__pwned"));
        var row = page.Locator($"tbody tr:has(a[href='/registry/{number}'])");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync(HostileCompany);
        await Assertions.Expect(row).ToContainTextAsync(HostileProduct);
        await Assertions.Expect(row).ToContainTextAsync(HostileModel);
        Assert.Equal("<script>window.__pwned", await page.Locator("input[name=company]").InputValueAsync());
        await AssertNothingRanAsync(page);
        await StaffWorkspace.CheckAsync(page, "registry-hostile-company");

        // A hostile search is kept as the search box's value and as nothing else.
        await page.GotoAsync("/registry?q=" + Uri.EscapeDataString(HostileSearch));
        Assert.Equal(HostileSearch, await page.Locator("input[name=q]").InputValueAsync());
        Assert.Equal(1, await page.Locator("input[name=q]").CountAsync());
        await AssertNothingRanAsync(page);
        await StaffWorkspace.CheckAsync(page, "registry-hostile-search");

        // The same through the form, as a visitor types it.
        await page.GotoAsync("/registry");
        await page.Locator("input[name=q]").FillAsync(HostileSearch);
        await page.Locator("input[name=q]").PressAsync("Enter");
        await page.ArrivedAtAsync(url => url.Contains("q=", StringComparison.Ordinal));
        Assert.Equal(HostileSearch, await page.Locator("input[name=q]").InputValueAsync());
        await AssertNothingRanAsync(page);

        // The entry's own page (the QR code's address) shows the names as text too.
        await page.GotoAsync("/registry/" + number);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(HostileCompany);
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync(HostileProduct);
        await AssertNothingRanAsync(page);
        await StaffWorkspace.CheckAsync(page, "registry-hostile-entry");

        // A hostile registration number in the address is not found, and not echoed as markup.
        var missing = await page.GotoAsync("/registry/" + Uri.EscapeDataString("<script>window.__pwned='path'</script>"));
        Assert.Equal(404, missing!.Status);
        await AssertNothingRanAsync(page);
    }

    [Fact]
    public async Task Markup_typed_into_the_complaint_form_comes_back_as_the_text_typed_beside_the_messages()
    {
        Chromium.SkipOrFailWhenAbsent();
        var page = await workspace.NewPageAsync();
        await page.GotoAsync("/complaints/new");
        await page.Locator("#name").FillAsync(HostileCompany);
        await page.Locator("#email").FillAsync("\"><script>window.__pwned='email'</script>");
        await page.Locator("#subject").FillAsync(HostileSearch);
        await page.Locator("#description").FillAsync("</textarea><script>window.__pwned='description'</script><b class=\"injected\">本文</b>");
        await page.Locator("form.task-form button[type=submit]").ClickAsync();

        // The address is not valid: the form comes back with its message and everything typed, as text.
        await Assertions.Expect(page.Locator("#email-error")).ToBeVisibleAsync();
        Assert.Equal(HostileCompany, await page.Locator("#name").InputValueAsync());
        Assert.Equal("\"><script>window.__pwned='email'</script>", await page.Locator("#email").InputValueAsync());
        Assert.Equal(HostileSearch, await page.Locator("#subject").InputValueAsync());
        Assert.Equal("</textarea><script>window.__pwned='description'</script><b class=\"injected\">本文</b>", await page.Locator("#description").InputValueAsync());
        await AssertNothingRanAsync(page);
        await StaffWorkspace.CheckAsync(page, "complaint-hostile");
    }
}
