using System.Collections.Immutable;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Labels;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Server.Tests.Public;

/// <summary>The public registry without signing in: only published fields from the publication date, search and paging, text never markup, cached by ETag.</summary>
public sealed class PublicRegistryTests(WorkflowServerFactory server) : IClassFixture<WorkflowServerFactory>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private const string HostileCompany = "<script>alert('x')</script><b>悪意</b>株式会社";
    private const string HiddenCompany = "非公開工業株式会社";
    private const string Confidential = "社外秘：後継機の計画あり";

    private static readonly Lock SeedGate = new();
    private static readonly Dictionary<WorkflowServerFactory, Seeded> SeededServers = [];

    private sealed record Seeded(string Hostile, string Hidden, string Future, string Revoked, string Expired);

    private Seeded Seed()
    {
        lock (SeedGate)
        {
            if (SeededServers.TryGetValue(server, out var done))
                return done;
            var registry = server.Services.GetRequiredService<SchemeServices>().Registry;
            var today = server.Services.GetRequiredService<SchemeServices>().Today(DateTimeOffset.UtcNow);
            var all = ImmutableHashSet.Create(PublicationField.Supplier, PublicationField.ProductName, PublicationField.ModelNumbers, PublicationField.IssueDate, PublicationField.ExpiryDate);
            string Grant(string app, string supplier, string product, string model, ImmutableHashSet<PublicationField> fields, DateOnly granted, DateOnly? publishOn = null, int? months = null) =>
                registry.Grant(new LabelGrant
                {
                    ApplicationNumber = app, Level = LabelLevel.Star1, SupplierId = "S-" + app, SupplierName = supplier, ProductName = product, ModelNumbers = [model],
                    GrantDate = granted, PreferredPublicationDate = publishOn, PublishedFields = fields, ValidityMonths = months, ConfidentialNotes = Confidential,
                }).RegistrationNumber;
            var seeded = new Seeded(
                Grant("PUB-0001", HostileCompany, "見守りカメラ <img src=x onerror=alert(1)>", "HC-1", all, today.AddDays(-10)),
                Grant("PUB-0002", HiddenCompany, "非公開ルーター", "HR-1", [PublicationField.ProductName], today.AddDays(-10)),
                Grant("PUB-0003", "未来電機株式会社", "未来スピーカー", "FS-1", all, today.AddDays(-1), publishOn: today.AddDays(20)),
                Grant("PUB-0004", "取消電機株式会社", "取消プラグ", "TP-1", all, today.AddDays(-30)),
                Grant("PUB-0005", "期限切れ工業株式会社", "旧型センサー", "OS-1", all, today.AddYears(-3), months: 12));
            registry.Revoke(seeded.Revoked, today.AddDays(-2), "虚偽の自己宣言");
            for (var i = 0; i < 23; i++)
                Grant($"PUB-1{i:D3}", "頁送り製作所", $"頁製品 {i:D2}", $"PG-{i:D2}", all, today.AddDays(-5));
            SeededServers[server] = seeded;
            return seeded;
        }
    }

    [Fact]
    public async Task Anyone_sees_the_registry_without_signing_in_with_only_the_published_fields()
    {
        var s = Seed();
        var anonymous = server.CreateClient();

        var list = await anonymous.GetAsync("/registry", Ct);
        var html = await list.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
        Assert.Contains("適合ラベル取得製品リスト", html);
        Assert.Contains(s.Hidden, html);
        Assert.Contains("非公開ルーター", html);
        Assert.DoesNotContain(HiddenCompany, html);
        Assert.DoesNotContain(Confidential, html);
        Assert.DoesNotContain(s.Future, html);
        Assert.DoesNotContain("未来スピーカー", html);
        Assert.DoesNotContain("/logout", html);

        var hiddenEntry = await anonymous.GetStringAsync($"/registry/{s.Hidden}", Ct);
        Assert.Contains("非公開ルーター", hiddenEntry);
        Assert.DoesNotContain(HiddenCompany, hiddenEntry);
        Assert.DoesNotContain(Confidential, hiddenEntry);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/registry/{s.Future}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync("/registry/JC9-0000-0000", Ct)).StatusCode);

        // A company that is not published cannot be found by its name either.
        var byHidden = await anonymous.GetStringAsync("/api/registry?company=" + Uri.EscapeDataString("非公開工業"), Ct);
        Assert.Equal(0, JsonDocument.Parse(byHidden).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Revoked_and_expired_labels_are_marked_with_their_dates()
    {
        var s = Seed();
        var anonymous = server.CreateClient();
        var today = server.Services.GetRequiredService<SchemeServices>().Today(DateTimeOffset.UtcNow);

        var revoked = await anonymous.GetStringAsync($"/registry/{s.Revoked}", Ct);
        var expired = await anonymous.GetStringAsync($"/registry/{s.Expired}", Ct);
        var api = JsonDocument.Parse(await anonymous.GetStringAsync("/api/registry?q=" + Uri.EscapeDataString(s.Revoked), Ct)).RootElement.GetProperty("entries")[0];

        Assert.Contains($"取消し ({today.AddDays(-2):yyyy-MM-dd})", revoked);
        Assert.Contains("失効", expired);
        Assert.Contains($"{today.AddYears(-3).AddMonths(12).AddDays(-1):yyyy-MM-dd}", expired);
        Assert.Equal("revoked", api.GetProperty("status").GetString());
        Assert.Equal($"{today.AddDays(-2):yyyy-MM-dd}", api.GetProperty("revokedOn").GetString());
    }

    [Fact]
    public async Task The_registry_is_searched_by_company_product_model_number_and_level_and_paged()
    {
        var s = Seed();
        var anonymous = server.CreateClient();

        async Task<JsonElement> Api(string query) => JsonDocument.Parse(await anonymous.GetStringAsync("/api/registry?" + query, Ct)).RootElement;
        static string[] Numbers(JsonElement page) => [.. page.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("registrationNumber").GetString()!)];

        Assert.Equal([s.Revoked], Numbers(await Api("company=" + Uri.EscapeDataString("取消"))));
        Assert.Equal([s.Expired], Numbers(await Api("product=" + Uri.EscapeDataString("旧型"))));
        Assert.Equal([s.Hostile], Numbers(await Api("model=hc-1")));
        Assert.Equal([s.Hostile], Numbers(await Api("number=" + Uri.EscapeDataString(s.Hostile.ToLowerInvariant()))));
        Assert.Equal(0, (await Api("level=4")).GetProperty("total").GetInt32());
        Assert.True((await Api("level=%E2%98%851")).GetProperty("total").GetInt32() >= 27);

        var third = await Api("company=" + Uri.EscapeDataString("頁送り") + "&size=10&page=3");
        Assert.Equal(23, third.GetProperty("total").GetInt32());
        Assert.Equal(3, third.GetProperty("pageCount").GetInt32());
        Assert.Equal(3, Numbers(third).Length);

        var page2 = await anonymous.GetStringAsync("/registry?company=" + Uri.EscapeDataString("頁送り") + "&size=10&page=2", Ct);
        Assert.Contains("23 件", page2);
        Assert.Contains("2 / 3 ページ", page2);
        Assert.Contains("page=3", page2);
        Assert.Contains("頁製品 10", page2);
        Assert.DoesNotContain("頁製品 09", page2);
        Assert.Equal(HttpStatusCode.BadRequest, (await anonymous.GetAsync("/api/registry?page=0", Ct)).StatusCode);
        var badLevel = await anonymous.GetAsync("/api/registry?level=9", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badLevel.StatusCode);
        Assert.Contains("level", await badLevel.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task Markup_in_company_names_and_hostile_search_input_are_shown_as_text()
    {
        var s = Seed();
        var anonymous = server.CreateClient();
        const string hostile = "\"><script>alert(1)</script>' OR 1=1 --";

        var entry = await anonymous.GetStringAsync($"/registry/{s.Hostile}", Ct);
        var search = await anonymous.GetAsync("/registry?q=" + Uri.EscapeDataString(hostile) + "&company=" + Uri.EscapeDataString("<b>"), Ct);
        var searchHtml = await search.Content.ReadAsStringAsync(Ct);
        var list = await anonymous.GetStringAsync("/registry?model=hc-1", Ct);

        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;b&gt;悪意&lt;/b&gt;株式会社", entry);
        Assert.DoesNotContain("<script>", entry);
        Assert.DoesNotContain("<img src=x", entry);
        Assert.DoesNotContain("<script>", list);
        Assert.Contains("悪意", list);
        Assert.Equal(HttpStatusCode.OK, search.StatusCode);
        Assert.DoesNotContain("<script>alert(1)", searchHtml);
        Assert.Contains("該当する製品はありません", searchHtml);
    }

    [Fact]
    public async Task A_client_that_sends_back_the_etag_gets_304_until_the_registry_changes()
    {
        Seed();
        var anonymous = server.CreateClient();

        foreach (var address in new[] { "/api/registry?company=" + Uri.EscapeDataString("頁送り"), "/registry?company=" + Uri.EscapeDataString("頁送り"), "/registry.csv?company=" + Uri.EscapeDataString("頁送り") })
        {
            var first = await anonymous.GetAsync(address, Ct);
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            var etag = first.Headers.ETag;
            Assert.NotNull(etag);
            Assert.True(first.Headers.CacheControl?.Public, address);
            Assert.NotNull(first.Headers.CacheControl?.MaxAge);

            var again = new HttpRequestMessage(HttpMethod.Get, address);
            again.Headers.IfNoneMatch.Add(etag);
            var second = await anonymous.SendAsync(again, Ct);
            Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
            Assert.Empty(await second.Content.ReadAsByteArrayAsync(Ct));

            var stale = new HttpRequestMessage(HttpMethod.Get, address);
            stale.Headers.IfNoneMatch.Add(new EntityTagHeaderValue("\"stale\""));
            Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(stale, Ct)).StatusCode);
        }

        var added = "/api/registry?company=" + Uri.EscapeDataString("追加専用");
        var before = (await anonymous.GetAsync(added, Ct)).Headers.ETag;
        var registry = server.Services.GetRequiredService<SchemeServices>().Registry;
        registry.Grant(new LabelGrant
        {
            ApplicationNumber = "PUB-ETAG", Level = LabelLevel.Star1, SupplierId = "S-ETAG", SupplierName = "追加専用製作所", ProductName = "追加製品", ModelNumbers = ["ADD-1"],
            GrantDate = server.Services.GetRequiredService<SchemeServices>().Today(DateTimeOffset.UtcNow).AddDays(-1), PublishedFields = [PublicationField.Supplier],
        });
        var changed = new HttpRequestMessage(HttpMethod.Get, added);
        changed.Headers.IfNoneMatch.Add(before!);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.SendAsync(changed, Ct)).StatusCode);
    }

    [Fact]
    public async Task The_csv_download_is_utf8_with_a_byte_order_mark_and_only_published_fields()
    {
        var s = Seed();
        var anonymous = server.CreateClient();

        var response = await anonymous.GetAsync("/registry.csv", Ct);
        var bytes = await response.Content.ReadAsByteArrayAsync(Ct);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.StartsWith("registration number,level,status", text);
        Assert.Contains(s.Hidden, text);
        Assert.Contains("非公開ルーター", text);
        Assert.DoesNotContain(HiddenCompany, text);
        Assert.DoesNotContain(Confidential, text);
        Assert.DoesNotContain(s.Future, text);
    }
}
