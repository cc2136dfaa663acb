using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Persistence.Rows;
using JcStar.Workflow.Scheme.Persistence.Stores;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Runtime.Tests.SchemeStores;

/// <summary>The public registry's search runs in the database (SQLite and PostgreSQL) and finds what the in-memory store finds: published fields only, from the publication date.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class RegistrySearchStoreTests
{
    private static readonly DateOnly Day = new(2026, 4, 1);

    private static RegistryEntry Entry(int n, string supplier, string product, string model, LabelLevel level = LabelLevel.Star1,
        PublicationField[]? published = null, DateOnly? publishOn = null) => new()
    {
        RegistrationNumber = $"JC{(int)level}-2026-{n:D4}",
        ApplicationNumber = $"A-2026-{n:D4}",
        Level = level,
        SupplierId = "supplier-" + n,
        SupplierName = supplier,
        Products = [new LabelledProduct(product, [model], Day)],
        IssueDate = Day,
        ExpiryDate = Day.AddYears(2),
        GrantDate = Day,
        PreferredPublicationDate = publishOn,
        PublishedFields = [.. published ?? [PublicationField.Supplier, PublicationField.ProductName, PublicationField.ModelNumbers]],
        ConfidentialNotes = "社外秘メモ",
    };

    private static void Fill(IRegistryStore store)
    {
        store.Add(Entry(1, "株式会社 見本電機", "ネットワークカメラ", "NC-100"));
        store.Add(Entry(2, "ＡＢＣ Devices 株式会社", "Smart Plug", "SP-2W", LabelLevel.Star2));
        store.Add(Entry(3, "秘密工業 株式会社", "見守りセンサー", "MS-1", published: [PublicationField.ProductName]));
        store.Add(Entry(4, "株式会社 見本電機", "未来ルーター", "FR-9", publishOn: Day.AddDays(30)));
        for (var i = 10; i < 35; i++)
            store.Add(Entry(i, "多数製造 株式会社", $"ページ製品 {i}", $"PG-{i}"));
    }

    private static IEnumerable<string> Numbers(RegistryPage<RegistryEntry> page) => page.Entries.Select(e => e.RegistrationNumber);

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_database_search_matches_published_fields_only_and_pages_as_the_in_memory_store_does(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var ef = node.Get<IRegistryStore>();
        Assert.IsType<EfRegistryStore>(ef);
        var memory = new InMemoryRegistryStore();
        Fill(ef);
        Fill(memory);
        var today = Day.AddDays(1);

        RegistryPage<RegistryEntry> Both(RegistrySearch search)
        {
            var fromDb = ef.SearchPublished(search.Normalized(), today);
            var fromMemory = memory.SearchPublished(search.Normalized(), today);
            Assert.Equal(Numbers(fromMemory), Numbers(fromDb));
            Assert.Equal(fromMemory.Total, fromDb.Total);
            return fromDb;
        }

        Assert.Equal(["JC1-2026-0001"], Numbers(Both(new RegistrySearch { Company = "見本" })));
        // Full-width ＡＢＣ is found by abc, and a model by part of it in another case.
        Assert.Equal(["JC2-2026-0002"], Numbers(Both(new RegistrySearch { Company = "abc" })));
        Assert.Equal(["JC2-2026-0002"], Numbers(Both(new RegistrySearch { Model = "sp-2" })));
        Assert.Equal(["JC2-2026-0002"], Numbers(Both(new RegistrySearch { Level = LabelLevel.Star2 })));
        Assert.Equal(["JC1-2026-0003"], Numbers(Both(new RegistrySearch { Text = "見守り" })));
        Assert.Equal(["JC1-2026-0001"], Numbers(Both(new RegistrySearch { RegistrationNumber = "jc1-2026-0001" })));
        // The unpublished supplier is not searchable, the confidential notes never, the entry not yet published not at all.
        Assert.Empty(Numbers(Both(new RegistrySearch { Company = "秘密" })));
        Assert.Empty(Numbers(Both(new RegistrySearch { Text = "社外秘" })));
        Assert.Empty(Numbers(Both(new RegistrySearch { Product = "未来" })));
        Assert.Equal(["JC1-2026-0004"], Numbers(ef.SearchPublished(new RegistrySearch { Product = "未来" }.Normalized(), Day.AddDays(30))));
        // LIKE wildcards in the input are text, not patterns.
        Assert.Empty(Numbers(Both(new RegistrySearch { Text = "%" })));
        Assert.Empty(Numbers(Both(new RegistrySearch { Text = "_" })));

        var third = Both(new RegistrySearch { Product = "ページ製品", Page = 3, PageSize = 10 });
        Assert.Equal(25, third.Total);
        Assert.Equal(3, third.PageCount);
        Assert.Equal(["JC1-2026-0030", "JC1-2026-0031", "JC1-2026-0032", "JC1-2026-0033", "JC1-2026-0034"], Numbers(third));
        Assert.Equal(28, Both(new RegistrySearch { PageSize = 100 }).Total);
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Japanese_names_long_and_short_terms_and_quotes_find_what_the_in_memory_store_finds(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var ef = node.Get<IRegistryStore>();
        var memory = new InMemoryRegistryStore();
        foreach (var store in new[] { ef, memory })
        {
            Fill(store);
            store.Add(Entry(40, "有限会社 \"引用\" 電子", "スマートロック 玄関用", "SL-\"Q\"-7"));
            store.Add(Entry(41, "ｶﾌﾞｼｷｶﾞｲｼｬ ﾃｽﾄ", "ホームゲートウェイ", "HG-1"));
        }
        var today = Day.AddDays(1);
        IReadOnlyList<string> Both(RegistrySearch search)
        {
            var fromDb = ef.SearchPublished(search.Normalized(), today);
            var fromMemory = memory.SearchPublished(search.Normalized(), today);
            Assert.Equal(Numbers(fromMemory), Numbers(fromDb));
            Assert.Equal(fromMemory.Total, fromDb.Total);
            return [.. Numbers(fromDb)];
        }

        // Kana and kanji of three characters and more (trigram-served on SQLite), and inside a word.
        Assert.Equal(["JC1-2026-0001"], Both(new RegistrySearch { Product = "ワークカメ" }));
        Assert.Equal(["JC1-2026-0001"], Both(new RegistrySearch { Company = "見本電機" }));
        Assert.Equal(["JC1-2026-0040"], Both(new RegistrySearch { Text = "玄関用" }));
        // Half-width katakana is found by full-width (NFKC on both sides).
        Assert.Equal(["JC1-2026-0041"], Both(new RegistrySearch { Company = "カブシキ" }));
        // One and two characters, which trigrams cannot serve, still find their entries.
        Assert.Equal(["JC1-2026-0040"], Both(new RegistrySearch { Product = "玄" }));
        Assert.Equal(["JC1-2026-0041"], Both(new RegistrySearch { Model = "hg" }));
        Assert.Equal(["JC1-2026-0001"], Both(new RegistrySearch { Text = "カメ" }));
        // A short and a long term together, in different fields.
        Assert.Equal(["JC1-2026-0001"], Both(new RegistrySearch { Company = "見本", Product = "ネットワーク" }));
        Assert.Empty(Both(new RegistrySearch { Company = "見本", Product = "ゲートウェイ" }));
        // Quotes and FTS5 syntax in the input are text.
        Assert.Equal(["JC1-2026-0040"], Both(new RegistrySearch { Company = "\"引用\"" }));
        Assert.Equal(["JC1-2026-0040"], Both(new RegistrySearch { Model = "-\"q\"-" }));
        Assert.Empty(Both(new RegistrySearch { Text = "AND OR NOT" }));
        Assert.Empty(Both(new RegistrySearch { Text = "pg-* NEAR" }));
        // Registration numbers are searched too, and a field holds only its own text.
        Assert.Equal(["JC1-2026-0041"], Both(new RegistrySearch { Text = "2026-0041" }));
        Assert.Empty(Both(new RegistrySearch { Model = "ワークカメ" }));
    }

    [Fact]
    public async Task On_SQLite_the_trigram_table_follows_an_entry_whose_published_text_changes()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.Sqlite);
        await using var node = new EfStoreNode(database);
        var store = node.Get<IRegistryStore>();
        Fill(store);
        var today = Day.AddDays(1);
        var entry = store.Find("JC1-2026-0001")!;
        store.Update(entry with { Products = [new LabelledProduct("屋外カメラ改", ["NC-200"], Day)] });

        Assert.Equal(["JC1-2026-0001"], Numbers(store.SearchPublished(new RegistrySearch { Product = "屋外カメラ" }.Normalized(), today)));
        Assert.Empty(Numbers(store.SearchPublished(new RegistrySearch { Product = "ネットワーク" }.Normalized(), today)));
        Assert.Empty(Numbers(store.SearchPublished(new RegistrySearch { Model = "nc-100" }.Normalized(), today)));

        await using var db = database.NewContext();
        var indexed = await db.Database.SqlQueryRaw<string>("SELECT registration_number AS \"Value\" FROM registry_search WHERE registry_search MATCH 'models : \"nc-200\"'")
            .ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["JC1-2026-0001"], indexed);
        Assert.Equal(await db.Set<RegistryEntryRow>().CountAsync(TestContext.Current.CancellationToken),
            await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM registry_search").SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task On_PostgreSQL_the_substring_search_over_every_published_field_is_served_by_trigram_indexes()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await using var node = new EfStoreNode(database);
        Fill(node.Get<IRegistryStore>());
        await using var db = database.NewContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using (var off = connection.CreateCommand())
        {
            // A table this small is read whole; forbidding that shows whether an index could serve the search at all.
            off.CommandText = "SET enable_seqscan = off";
            await off.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
        await using var explain = connection.CreateCommand();
        explain.CommandText = """
            EXPLAIN SELECT count(*) FROM registry_entries
            WHERE "SearchSupplier" LIKE '%見本%' ESCAPE '\' OR "SearchProducts" LIKE '%見本%' ESCAPE '\'
               OR "SearchModels" LIKE '%見本%' ESCAPE '\' OR "SearchNumber" LIKE '%見本%' ESCAPE '\'
            """;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                plan.Add(reader.GetString(0));
        }
        var text = string.Join("\n", plan);
        foreach (var column in new[] { "SearchSupplier", "SearchProducts", "SearchModels", "SearchNumber" })
            Assert.True(text.Contains($"IX_registry_entries_{column}_trgm", StringComparison.Ordinal), text);
    }

    [Fact]
    public async Task On_PostgreSQL_a_published_label_goes_straight_into_the_trigram_indexes_so_no_search_reads_a_pending_list()
    {
        await using var database = await TestDatabase.CreateAsync(TestDatabase.PostgreSql);
        await using var node = new EfStoreNode(database);
        var store = node.Get<IRegistryStore>();
        Fill(store);
        var entry = store.Find("JC1-2026-0001")!;
        store.Update(entry with { Products = [new LabelledProduct("屋外カメラ改", ["NC-200"], Day)] });

        await using var db = database.NewContext();
        foreach (var column in new[] { "SearchSupplier", "SearchProducts", "SearchModels", "SearchNumber" })
        {
            // gin_clean_pending_list merges what waits in an index's pending list and says how many pages it held:
            // with the pending list on, every row just written waits there and each search reads it whole.
            var index = $"\"IX_registry_entries_{column}_trgm\"";
            var pending = await db.Database.SqlQuery<long>($"SELECT gin_clean_pending_list({index}::regclass) AS \"Value\"")
                .SingleAsync(TestContext.Current.CancellationToken);
            Assert.True(pending == 0, $"{column}: {pending} pending page(s) in its trigram index");
        }
        Assert.Equal(["JC1-2026-0001"], Numbers(store.SearchPublished(new RegistrySearch { Model = "nc-200" }.Normalized(), Day.AddDays(1))));
    }
}
