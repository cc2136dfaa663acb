using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence;

/// <summary>
/// The scheme's tables in the workflow database (registry, public complaints, number sequences,
/// facilities, conflict declarations), contributed to the one workflow model. Their migrations are in each
/// provider's project with the workflow's, as before, so the provider adds this contribution when chosen.
/// </summary>
public sealed class SchemeModel : IWorkflowModelContribution
{
    public static readonly SchemeModel Instance = new();

    private const int IdLength = 200;
    private const int NameLength = 400;

    private SchemeModel()
    {
    }

    public void ConfigureModel(ModelBuilder b)
    {
        b.Entity<RegistryEntryRow>(e =>
        {
            e.ToTable("registry_entries");
            e.HasKey(x => x.RegistrationNumber);
            e.Property(x => x.RegistrationNumber).HasMaxLength(IdLength);
            e.Property(x => x.ApplicationNumber).HasMaxLength(IdLength);
            e.Property(x => x.SupplierId).HasMaxLength(IdLength);
            e.Property(x => x.SupplierName).HasMaxLength(NameLength);
            e.Property(x => x.EvaluationFacilityId).HasMaxLength(IdLength);
            e.Property(x => x.EvaluationFacilityName).HasMaxLength(NameLength);
            e.HasIndex(x => x.ApplicationNumber).IsUnique();
            e.HasIndex(x => x.SupplierId);
            e.HasIndex(x => new { x.Level, x.ExpiryDate });
            e.Property(x => x.SearchNumber).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.PublicationDate, x.RegistrationNumber });
        });
        b.Entity<PublicComplaintRow>(e =>
        {
            e.ToTable("public_complaints");
            e.HasKey(x => x.Id);
            e.Property(x => x.TokenHash).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Email).HasMaxLength(NameLength);
            e.Property(x => x.Subject).HasMaxLength(NameLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ReceiptNumber).HasMaxLength(IdLength);
            e.HasIndex(x => x.TokenHash).IsUnique();
        });
        b.Entity<SequenceRow>(e =>
        {
            e.ToTable("sequences");
            e.HasKey(x => x.Name);
            e.Property(x => x.Name).HasMaxLength(IdLength);
        });
        b.Entity<FacilityRow>(e =>
        {
            e.ToTable("facilities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.AccreditationBody).HasMaxLength(NameLength);
            e.Property(x => x.AccreditationCertificateNumber).HasMaxLength(IdLength);
        });
        b.Entity<ConflictDeclarationRow>(e =>
        {
            e.ToTable("conflict_declarations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.PartyId).HasMaxLength(IdLength);
            e.Property(x => x.SupplierId).HasMaxLength(IdLength);
            e.Property(x => x.ProductName).HasMaxLength(NameLength);
            e.HasIndex(x => new { x.PartyId, x.Id });
        });
    }

    public async Task AddBackupCountsAsync(WorkflowDbContext db, IDictionary<string, long> counts, CancellationToken cancellationToken) =>
        counts["registry"] = await db.Set<RegistryEntryRow>().LongCountAsync(cancellationToken);
}
