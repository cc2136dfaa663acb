using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime.Tests.Support;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;
using JcStar.Workflow.Scheme.Persistence.Stores;

namespace JcStar.Workflow.Runtime.Tests.SchemeStores;

/// <summary>The scheme's EF stores on SQLite and a real PostgreSQL: what the in-memory ones promise, kept across restarts and nodes.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class EfSchemeStoreTests
{
    private static readonly DateOnly Day = new(2026, 4, 1);

    private static RegistryEntry Entry(string registrationNumber, string applicationNumber) => new()
    {
        RegistrationNumber = registrationNumber,
        ApplicationNumber = applicationNumber,
        Level = LabelLevel.Star1,
        SupplierId = "supplier-7",
        SupplierName = "株式会社 見本電機",
        Products = [new LabelledProduct("ネットワークカメラ", ["NC-100", "NC-100W"], Day)],
        IssueDate = Day,
        ExpiryDate = Day.AddYears(2),
        GrantDate = Day,
        PreferredPublicationDate = Day.AddDays(14),
        PublishedFields = [PublicationField.Supplier, PublicationField.ProductName, PublicationField.ModelNumbers],
        EvaluationFacilityId = "facility-1",
        EvaluationFacilityName = "試験所 東京",
        SupportPeriod = "2031年3月まで",
        VulnerabilityContact = "psirt@example.co.jp",
        ConfidentialNotes = "社外秘: 後継機あり",
        History = [new RegistryEvent(Day, "granted", "★1 適合ラベル付与", "審査員 山田")],
    };

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_registry_entry_comes_back_with_every_field_and_its_japanese_text(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var registry = node.Get<IRegistryStore>();
        Assert.IsType<EfRegistryStore>(registry);
        var entry = Entry("JC1-2026-0001", "A-2026-0001");

        registry.Add(entry);
        await using var restarted = new EfStoreNode(database);
        var found = restarted.Get<IRegistryStore>().Find("JC1-2026-0001");

        Assert.NotNull(found);
        AssertSameEntry(entry, found);
        Assert.Null(registry.Find("JC1-2026-9999"));
        Assert.Throws<InvalidOperationException>(() => registry.Add(entry));
        Assert.Throws<InvalidOperationException>(() => registry.Add(Entry("JC1-2026-0002", "A-2026-0001")));
        Assert.Throws<KeyNotFoundException>(() => registry.Update(Entry("JC1-2026-0404", "A-2026-0404")));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_revoked_entry_stays_in_the_registry_with_its_history(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var registry = node.Get<IRegistryStore>();
        var entry = Entry("JC1-2026-0002", "A-2026-0002");
        registry.Add(entry);
        registry.Add(Entry("JC1-2026-0001", "A-2026-0001"));
        var revoked = entry with
        {
            RevokedOn = Day.AddMonths(3),
            RevocationReason = "要求事項への不適合",
            Products = entry.Products.Add(new LabelledProduct("後継カメラ", ["NC-200"], Day.AddMonths(1), "ネットワークカメラ")),
            History = entry.History.Add(new RegistryEvent(Day.AddMonths(3), "revoked", "要求事項への不適合", "staff")),
        };

        registry.Update(revoked);

        AssertSameEntry(revoked, registry.Find("JC1-2026-0002")!);
        Assert.Equal(RegistryStatus.Revoked, registry.Find("JC1-2026-0002")!.StatusOn(Day.AddMonths(4)));
        Assert.Equal(["JC1-2026-0001", "JC1-2026-0002"], registry.All().Select(e => e.RegistrationNumber));
        Assert.DoesNotContain(typeof(IRegistryStore).GetMethods(), m => m.Name.Contains("Delete", StringComparison.Ordinal) || m.Name.Contains("Remove", StringComparison.Ordinal));
        Assert.DoesNotContain(typeof(EfRegistryStore).GetMethods(), m => m.Name.Contains("Delete", StringComparison.Ordinal) || m.Name.Contains("Remove", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Two_hundred_parallel_callers_on_two_nodes_get_two_hundred_distinct_numbers_without_gaps(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = new EfStoreNode(database);
        await using var two = new EfStoreNode(database);
        var stores = new[] { one.Get<ISequenceStore>(), two.Get<ISequenceStore>() };
        Assert.IsType<EfSequenceStore>(stores[0]);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 200).Select(i => Task.Run(() => stores[i % 2].Next("registration/JC1-2026-#"), Ct)));

        Assert.Equal(Enumerable.Range(1, 200).Select(n => (long)n), numbers.Order());
        Assert.Equal(1, stores[1].Next("application/2026"));
        Assert.Equal(201, stores[0].Next("registration/JC1-2026-#"));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task A_facility_is_saved_replaced_and_listed(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var facilities = node.Get<IFacilityStore>();
        Assert.IsType<EfFacilityStore>(facilities);
        var applied = new EvaluationFacility
        {
            Id = "facility-b",
            Name = "一般財団法人 見本試験所",
            Accreditation = new Accreditation("IAJapan", null, null, Pending: true),
            ScopeLevels = [LabelLevel.Star3],
        };
        var approved = applied with
        {
            Status = FacilityApprovalStatus.Approved,
            Accreditation = new Accreditation("IAJapan", "ASNITE 0123 T", new DateOnly(2029, 3, 31)),
            ScopeLevels = [LabelLevel.Star3, LabelLevel.Star4],
            ApprovedOn = Day,
        };

        facilities.Save(applied);
        facilities.Save(new EvaluationFacility { Id = "facility-a", Name = "Lab A", Accreditation = new Accreditation("A2LA", "1234.01", null) });
        facilities.Save(approved);

        var found = facilities.Find("facility-b")!;
        Assert.Equal(approved with { ScopeLevels = [] }, found with { ScopeLevels = [] });
        Assert.True(found.ScopeLevels.SetEquals([LabelLevel.Star3, LabelLevel.Star4]));
        Assert.Equal(["facility-a", "facility-b"], facilities.All().Select(f => f.Id));
        Assert.Null(facilities.Find("facility-x"));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task Conflict_declarations_come_back_per_party_in_the_order_declared(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var node = new EfStoreNode(database);
        var conflicts = node.Get<IConflictRegister>();
        Assert.IsType<EfConflictRegister>(conflicts);
        var first = new ConflictDeclaration("facility-1", "supplier-7", "ネットワークカメラ", ConflictKind.ConsultedApplicant, "2025年に設計相談", Day);
        var second = new ConflictDeclaration("facility-1", "supplier-9", null, ConflictKind.FinancialInterest, "出資関係", Day.AddDays(1));

        conflicts.Declare(first);
        conflicts.Declare(new ConflictDeclaration("staff-yamada", "supplier-7", null, ConflictKind.Other, "親族", Day));
        conflicts.Declare(second);

        Assert.Equal([first, second], conflicts.DeclaredBy("facility-1"));
        Assert.Empty(conflicts.DeclaredBy("facility-2"));

        // A person and their facility, read together (every staff page asks): both parties' declarations, in the order declared.
        var yamada = await conflicts.DeclaredByAnyAsync(["staff-yamada", "facility-1"], TestContext.Current.CancellationToken);
        Assert.Equal([first, conflicts.DeclaredBy("staff-yamada").Single(), second], yamada);
        Assert.Equal([first, second], await conflicts.DeclaredByAnyAsync(["facility-1", "facility-1"], TestContext.Current.CancellationToken));
        Assert.Empty(await conflicts.DeclaredByAnyAsync(["facility-2"], TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Providers.Databases), MemberType = typeof(Providers))]
    public async Task The_activity_ledger_keeps_the_first_answer_for_a_key(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var one = new EfStoreNode(database);
        await using var two = new EfStoreNode(database);
        var ledger = one.Get<IActivityLedger>();
        Assert.IsType<EfActivityLedger>(ledger);
        var answer = Outputs("""{"registrationNumber":"JC1-2026-0001","note":"付与","count":2}""");

        Assert.Null(ledger.Find("job-1"));
        ledger.Record("job-1", answer);
        two.Get<IActivityLedger>().Record("job-1", Outputs("""{"registrationNumber":"JC1-2026-0002"}"""));

        var found = two.Get<IActivityLedger>().Find("job-1")!;
        Assert.Equal(["count", "note", "registrationNumber"], found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("JC1-2026-0001", found["registrationNumber"].GetString());
        Assert.Equal("付与", found["note"].GetString());
        Assert.Equal(2, found["count"].GetInt32());
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static ImmutableDictionary<string, JsonElement> Outputs(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToImmutableDictionary();

    private static void AssertSameEntry(RegistryEntry expected, RegistryEntry actual)
    {
        Assert.Equal(expected with { Products = [], History = [], PublishedFields = [] }, actual with { Products = [], History = [], PublishedFields = [] });
        Assert.Equal(expected.History, actual.History);
        Assert.True(expected.PublishedFields.SetEquals(actual.PublishedFields));
        Assert.Equal(expected.Products.Length, actual.Products.Length);
        foreach (var (e, a) in expected.Products.Zip(actual.Products))
        {
            Assert.Equal((e.Name, e.AddedOn, e.SuccessorOf), (a.Name, a.AddedOn, a.SuccessorOf));
            Assert.Equal(e.ModelNumbers, a.ModelNumbers);
        }
    }
}
