using JcStar.Workflow.Persistence.Rows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace JcStar.Workflow.Persistence;

/// <summary>
/// The workflow tables. One model for every provider; each provider's migrations live in its own
/// assembly (JcStar.Workflow.Persistence.Sqlite / .PostgreSql / .SqlServer).
/// </summary>
public sealed class WorkflowDbContext(DbContextOptions<WorkflowDbContext> options) : DbContext(options)
{
    private const int IdLength = 200;
    private const int NameLength = 400;

    public DbSet<DefinitionRow> Definitions => Set<DefinitionRow>();
    public DbSet<DefinitionFormRow> DefinitionForms => Set<DefinitionFormRow>();
    public DbSet<InstanceRow> Instances => Set<InstanceRow>();
    public DbSet<TaskRow> Tasks => Set<TaskRow>();
    public DbSet<TaskCandidateRow> TaskCandidates => Set<TaskCandidateRow>();
    public DbSet<TimerRow> Timers => Set<TimerRow>();
    public DbSet<MessageSubscriptionRow> MessageSubscriptions => Set<MessageSubscriptionRow>();
    public DbSet<SignalSubscriptionRow> SignalSubscriptions => Set<SignalSubscriptionRow>();
    public DbSet<JobRow> Jobs => Set<JobRow>();
    public DbSet<IncidentRow> Incidents => Set<IncidentRow>();
    public DbSet<AuditRow> AuditLog => Set<AuditRow>();
    public DbSet<RegistryEntryRow> RegistryEntries => Set<RegistryEntryRow>();
    public DbSet<SequenceRow> Sequences => Set<SequenceRow>();
    public DbSet<FacilityRow> Facilities => Set<FacilityRow>();
    public DbSet<ConflictDeclarationRow> ConflictDeclarations => Set<ConflictDeclarationRow>();
    public DbSet<ActivityLedgerRow> ActivityLedger => Set<ActivityLedgerRow>();
    public DbSet<OutboxRow> MailOutbox => Set<OutboxRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<CasePartyRow> CaseParties => Set<CasePartyRow>();
    public DbSet<PublicComplaintRow> PublicComplaints => Set<PublicComplaintRow>();

    private bool IsSqlite => Database.ProviderName == ProviderNames.Sqlite;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date type: EF would store text it cannot compare or sort. Unix milliseconds
        // (all times are UTC) compare and sort as integers and index well.
        if (IsSqlite)
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UnixMillisecondsConverter>();
        }
    }

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<DefinitionRow>(e =>
        {
            e.ToTable("definitions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.ProcessId).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.ContentHash).HasMaxLength(64);
            e.Property(x => x.SourceName).HasMaxLength(NameLength);
            e.Property(x => x.PublishedBy).HasMaxLength(IdLength);
            e.Property(x => x.Note).HasMaxLength(2000);
            e.HasIndex(x => new { x.ProcessId, x.Version }).IsUnique();
        });
        b.Entity<DefinitionFormRow>(e =>
        {
            e.ToTable("definition_forms");
            e.HasKey(x => new { x.DefinitionId, x.FormKey });
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.FormKey).HasMaxLength(IdLength);
            e.HasOne<DefinitionRow>().WithMany().HasForeignKey(x => x.DefinitionId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<InstanceRow>(e =>
        {
            e.ToTable("instances");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.ProcessId).HasMaxLength(IdLength);
            e.Property(x => x.BusinessKey).HasMaxLength(IdLength);
            e.Property(x => x.StartedBy).HasMaxLength(IdLength);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.HasIndex(x => x.BusinessKey);
            e.HasIndex(x => new { x.ProcessId, x.Status, x.StartedAt });
            e.HasIndex(x => x.StartedAt);
        });
        b.Entity<TaskRow>(e =>
        {
            e.ToTable("tasks");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineTaskId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.ProcessId).HasMaxLength(IdLength);
            e.Property(x => x.BusinessKey).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.Assignee).HasMaxLength(IdLength);
            e.Property(x => x.FormKey).HasMaxLength(NameLength);
            e.Property(x => x.ClaimedBy).HasMaxLength(IdLength);
            e.Property(x => x.CompletedBy).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.Assignee, x.Status, x.DueAt });
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => x.BusinessKey);
        });
        b.Entity<TaskCandidateRow>(e =>
        {
            e.ToTable("task_candidates");
            e.HasKey(x => new { x.TaskId, x.Kind, x.Name });
            e.Property(x => x.TaskId).HasMaxLength(IdLength * 2);
            e.Property(x => x.Name).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.Kind, x.Name, x.IsOpen, x.DueAt });
            e.HasOne<TaskRow>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        });
        b.Entity<TimerRow>(e =>
        {
            e.ToTable("timers");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineTimerId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.DefinitionId).HasMaxLength(IdLength);
            e.Property(x => x.ProcessId).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.Status, x.DueAt });
            e.HasIndex(x => x.InstanceId);
            e.HasIndex(x => new { x.ProcessId, x.Status });
        });
        b.Entity<MessageSubscriptionRow>(e =>
        {
            e.ToTable("message_subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineSubscriptionId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.MessageName).HasMaxLength(NameLength);
            e.Property(x => x.CorrelationKey).HasMaxLength(NameLength);
            e.HasIndex(x => new { x.MessageName, x.CorrelationKey });
            e.HasIndex(x => x.InstanceId);
        });
        b.Entity<SignalSubscriptionRow>(e =>
        {
            e.ToTable("signal_subscriptions");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineSubscriptionId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.SignalName).HasMaxLength(NameLength);
            e.HasIndex(x => x.SignalName);
            e.HasIndex(x => x.InstanceId);
        });
        b.Entity<JobRow>(e =>
        {
            e.ToTable("jobs");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineJobId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.ElementType).HasMaxLength(IdLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.CorrelationKey).HasMaxLength(NameLength);
            e.Property(x => x.LeaseOwner).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => x.InstanceId);
        });
        b.Entity<IncidentRow>(e =>
        {
            e.ToTable("incidents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength * 2);
            e.Property(x => x.EngineIncidentId).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.Property(x => x.JobId).HasMaxLength(IdLength * 2);
            e.Property(x => x.ResolvedBy).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.Status, x.CreatedAt });
            e.HasIndex(x => x.InstanceId);
        });
        b.Entity<AuditRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.Actor).HasMaxLength(IdLength);
            e.Property(x => x.Action).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ElementId).HasMaxLength(IdLength);
            e.HasIndex(x => new { x.InstanceId, x.Id });
        });
        b.Entity<CasePartyRow>(e =>
        {
            e.ToTable("case_parties");
            e.HasKey(x => x.InstanceId);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.ApplicantOrganizationId).HasMaxLength(IdLength);
            e.Property(x => x.FacilityId).HasMaxLength(IdLength);
            e.HasIndex(x => x.ApplicantOrganizationId);
            e.HasIndex(x => x.FacilityId);
        });
        ConfigureScheme(b);
        ConfigureMailOutbox(b);
        ConfigureDocuments(b);
    }

    private static void ConfigureScheme(ModelBuilder b)
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
        b.Entity<ActivityLedgerRow>(e =>
        {
            e.ToTable("scheme_activity_ledger");
            e.HasKey(x => x.IdempotencyKey);
            e.Property(x => x.IdempotencyKey).HasMaxLength(NameLength);
        });
    }

    private void ConfigureDocuments(ModelBuilder b) =>
        b.Entity<DocumentRow>(e =>
        {
            e.ToTable("case_documents");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(IdLength);
            e.Property(x => x.InstanceId).HasMaxLength(IdLength);
            e.Property(x => x.BusinessKey).HasMaxLength(NameLength);
            e.Property(x => x.Name).HasMaxLength(NameLength);
            e.Property(x => x.TemplateName).HasMaxLength(NameLength);
            e.Property(x => x.TemplateContentHash).HasMaxLength(64);
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.ContentType).HasMaxLength(NameLength);
            e.HasIndex(x => new { x.InstanceId, x.CreatedAt });
            // Job id (up to 400) plus "/docx" or "/pdf". Unique where set: SQLite and PostgreSQL let many NULLs
            // into a unique index, SQL Server only one, so there the index is filtered to keyed rows.
            e.Property(x => x.SourceKey).HasMaxLength(IdLength * 2 + 50);
            e.HasIndex(x => x.SourceKey).IsUnique().HasFilter(Database.ProviderName == ProviderNames.SqlServer ? "[SourceKey] IS NOT NULL" : null);
        });

    private void ConfigureMailOutbox(ModelBuilder b) =>
        b.Entity<OutboxRow>(e =>
        {
            e.ToTable("mail_outbox");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.IdempotencyKey).HasMaxLength(400);
            e.Property(x => x.InstanceId).HasMaxLength(100);
            e.Property(x => x.BusinessKey).HasMaxLength(200);
            e.Property(x => x.ElementId).HasMaxLength(200);
            e.Property(x => x.TemplateName).HasMaxLength(100);
            e.Property(x => x.MessageId).HasMaxLength(300);
            e.Property(x => x.LastError).HasMaxLength(OutboxRowMapping.LastErrorLength);
            if (IsSqlite)
            {
                // The mail engineer's spec: UTC ticks on SQLite, so lease times keep their full precision and still compare and sort in SQL.
                foreach (var p in e.Metadata.GetProperties().Where(p => p.ClrType == typeof(DateTimeOffset) || p.ClrType == typeof(DateTimeOffset?)))
                    p.SetValueConverter(new UtcTicksConverter());
            }
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.Status, x.LeaseExpiresAt });
            e.HasIndex(x => new { x.InstanceId, x.CreatedAt });
        });

    private sealed class UnixMillisecondsConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.ToUnixTimeMilliseconds(),
        v => DateTimeOffset.FromUnixTimeMilliseconds(v));

    private sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
        v => v.UtcTicks,
        v => new DateTimeOffset(v, TimeSpan.Zero));
}
