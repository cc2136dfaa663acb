using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;

namespace JcStar.Workflow.Scheme.Tests;

/// <summary>The scheme's services over in-memory stores, as a test needs them.</summary>
internal sealed class SchemeFixture
{
    public SchemeFixture(SchemeOptions? options = null)
    {
        Options = options ?? new SchemeOptions();
        Numbers = new SchemeNumbers(Options, Sequences);
        Registry = new LabelRegistry(Options, Store, Numbers);
        Impartiality = new ImpartialityRules(Facilities, Conflicts);
    }

    public SchemeOptions Options { get; }
    public InMemorySequenceStore Sequences { get; } = new();
    public InMemoryRegistryStore Store { get; } = new();
    public InMemoryFacilityStore Facilities { get; } = new();
    public InMemoryConflictRegister Conflicts { get; } = new();
    public SchemeNumbers Numbers { get; }
    public LabelRegistry Registry { get; }
    public ImpartialityRules Impartiality { get; }

    public static LabelGrant Star1Grant(string applicationNumber, DateOnly grantDate) => new()
    {
        ApplicationNumber = applicationNumber,
        Level = LabelLevel.Star1,
        SupplierId = "supplier-1",
        SupplierName = "株式会社サンプル電機",
        ProductName = "スマートカメラ SC-100",
        ModelNumbers = ["SC-100-W", "SC-100-B"],
        GrantDate = grantDate,
        PublishedFields = [PublicationField.Supplier, PublicationField.ProductName, PublicationField.ModelNumbers, PublicationField.ExpiryDate],
        VulnerabilityContact = "psirt@example.jp",
        ConfidentialNotes = "試験用ファームウェア 0.9.1 の脆弱性は修正済み",
    };
}
