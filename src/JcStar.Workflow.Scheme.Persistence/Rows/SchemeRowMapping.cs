using System.Collections.Immutable;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Persistence.Rows;

/// <summary>Scheme records to rows and back. Enums inside JSON are names, so reordering an enum cannot change stored meaning.</summary>
internal static class SchemeRowMapping
{
    /// <summary>Japanese text stays readable in the column instead of \uXXXX escapes.</summary>
    public static readonly JsonSerializerOptions Json = new()
    {
        Converters = { new JsonStringEnumConverter() },
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static RegistryEntryRow ToRow(this RegistryEntry e)
    {
        var row = new RegistryEntryRow { RegistrationNumber = e.RegistrationNumber };
        row.CopyFrom(e);
        return row;
    }

    /// <summary>Everything but the key, so an update can write onto the tracked row.</summary>
    public static void CopyFrom(this RegistryEntryRow row, RegistryEntry e)
    {
        row.ApplicationNumber = e.ApplicationNumber;
        row.Level = (int)e.Level;
        row.SupplierId = e.SupplierId;
        row.SupplierName = e.SupplierName;
        row.ProductsJson = JsonSerializer.Serialize(e.Products.IsDefault ? [] : e.Products, Json);
        row.IssueDate = e.IssueDate;
        row.ExpiryDate = e.ExpiryDate;
        row.GrantDate = e.GrantDate;
        row.PreferredPublicationDate = e.PreferredPublicationDate;
        row.PublishedFieldsJson = JsonSerializer.Serialize(e.PublishedFields.OrderBy(f => f).ToArray(), Json);
        row.EvaluationFacilityId = e.EvaluationFacilityId;
        row.EvaluationFacilityName = e.EvaluationFacilityName;
        row.SupportPeriod = e.SupportPeriod;
        row.VulnerabilityContact = e.VulnerabilityContact;
        row.ConfidentialNotes = e.ConfidentialNotes;
        row.RevokedOn = e.RevokedOn;
        row.RevocationReason = e.RevocationReason;
        row.HistoryJson = JsonSerializer.Serialize(e.History.IsDefault ? [] : e.History, Json);
        row.PublicationDate = e.PublicationDate;
        row.SearchSupplier = RegistrySearchText.Supplier(e);
        row.SearchProducts = RegistrySearchText.Products(e);
        row.SearchModels = RegistrySearchText.Models(e);
        row.SearchNumber = RegistrySearchText.Number(e);
    }

    public static RegistryEntry ToRecord(this RegistryEntryRow r) => new()
    {
        RegistrationNumber = r.RegistrationNumber,
        ApplicationNumber = r.ApplicationNumber,
        Level = (LabelLevel)r.Level,
        SupplierId = r.SupplierId,
        SupplierName = r.SupplierName,
        Products = JsonSerializer.Deserialize<ImmutableArray<LabelledProduct>>(r.ProductsJson, Json),
        IssueDate = r.IssueDate,
        ExpiryDate = r.ExpiryDate,
        GrantDate = r.GrantDate,
        PreferredPublicationDate = r.PreferredPublicationDate,
        PublishedFields = JsonSerializer.Deserialize<PublicationField[]>(r.PublishedFieldsJson, Json)!.ToImmutableHashSet(),
        EvaluationFacilityId = r.EvaluationFacilityId,
        EvaluationFacilityName = r.EvaluationFacilityName,
        SupportPeriod = r.SupportPeriod,
        VulnerabilityContact = r.VulnerabilityContact,
        ConfidentialNotes = r.ConfidentialNotes,
        RevokedOn = r.RevokedOn,
        RevocationReason = r.RevocationReason,
        History = JsonSerializer.Deserialize<ImmutableArray<RegistryEvent>>(r.HistoryJson, Json),
    };

    public static void CopyFrom(this FacilityRow row, EvaluationFacility f)
    {
        row.Name = f.Name;
        row.Status = (int)f.Status;
        row.AccreditationBody = f.Accreditation.Body;
        row.AccreditationCertificateNumber = f.Accreditation.CertificateNumber;
        row.AccreditationValidUntil = f.Accreditation.ValidUntil;
        row.AccreditationPending = f.Accreditation.Pending;
        row.ScopeLevelsJson = JsonSerializer.Serialize(f.ScopeLevels.OrderBy(l => l).ToArray(), Json);
        row.ApprovedOn = f.ApprovedOn;
    }

    public static EvaluationFacility ToRecord(this FacilityRow r) => new()
    {
        Id = r.Id,
        Name = r.Name,
        Status = (FacilityApprovalStatus)r.Status,
        Accreditation = new Accreditation(r.AccreditationBody, r.AccreditationCertificateNumber, r.AccreditationValidUntil, r.AccreditationPending),
        ScopeLevels = JsonSerializer.Deserialize<LabelLevel[]>(r.ScopeLevelsJson, Json)!.ToImmutableHashSet(),
        ApprovedOn = r.ApprovedOn,
    };

    public static ConflictDeclarationRow ToRow(this ConflictDeclaration d) => new()
    {
        PartyId = d.PartyId, SupplierId = d.SupplierId, ProductName = d.ProductName, Kind = (int)d.Kind, Detail = d.Detail, DeclaredOn = d.DeclaredOn,
    };

    public static ConflictDeclaration ToRecord(this ConflictDeclarationRow r) =>
        new(r.PartyId, r.SupplierId, r.ProductName, (ConflictKind)r.Kind, r.Detail, r.DeclaredOn);
}
