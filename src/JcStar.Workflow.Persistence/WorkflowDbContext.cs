using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence;

/// <summary>
/// The workflow tables. One model for every provider; each provider's migrations live in its own
/// assembly (JcStar.Workflow.Persistence.Sqlite / .PostgreSql / .SqlServer), and each provider adds its
/// <see cref="IDatabaseDialect"/> to the options when it is chosen. Other projects add their tables with
/// <see cref="WorkflowDatabaseOptions.AddWorkflowModel"/>.
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
    public DbSet<ActivityLedgerRow> ActivityLedger => Set<ActivityLedgerRow>();
    public DbSet<OutboxRow> MailOutbox => Set<OutboxRow>();
    public DbSet<DocumentRow> Documents => Set<DocumentRow>();
    public DbSet<LetterTemplateVersionRow> LetterTemplateVersions => Set<LetterTemplateVersionRow>();
    public DbSet<CasePartyRow> CaseParties => Set<CasePartyRow>();

    /// <summary>What the chosen database does its own way.</summary>
    public IDatabaseDialect Dialect => options.WorkflowDatabase()?.Dialect
        ?? throw new InvalidOperationException(
            "The workflow database's options name no database: configure them with the provider's Configure " +
            "(SqliteWorkflowDatabase, PostgreSqlWorkflowDatabase or SqlServerWorkflowDatabase), which adds its dialect.");

    /// <summary>The tables other projects keep in this database.</summary>
    internal IReadOnlyList<IWorkflowModelContribution> Contributions => options.WorkflowDatabase()?.Contributions ?? [];

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        Dialect.ConfigureConventions(configurationBuilder);

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
        ConfigureActivityLedger(b);
        ConfigureMailOutbox(b);
        ConfigureDocuments(b);
        foreach (var contribution in Contributions)
            contribution.ConfigureModel(b);
        Dialect.ConfigureModel(b);
    }

    /// <summary>What the scheme's activities answered, per idempotency key; retention rewrites a case's outputs with the case.</summary>
    private static void ConfigureActivityLedger(ModelBuilder b) =>
        b.Entity<ActivityLedgerRow>(e =>
        {
            e.ToTable("scheme_activity_ledger");
            e.HasKey(x => x.IdempotencyKey);
            e.Property(x => x.IdempotencyKey).HasMaxLength(NameLength);
        });

    private static void ConfigureDocuments(ModelBuilder b)
    {
        b.Entity<LetterTemplateVersionRow>(e =>
        {
            e.ToTable("letter_template_versions");
            e.HasKey(x => new { x.Name, x.Version });
            e.Property(x => x.Name).HasMaxLength(IdLength);
            e.Property(x => x.Version).ValueGeneratedNever();
            e.Property(x => x.Sha256).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(IdLength);
            e.Property(x => x.Note).HasMaxLength(2000);
        });
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
            // Job id (up to 400) plus "/docx" or "/pdf". Unique where set (a database that lets only one NULL
            // into a unique index filters it to keyed rows in its dialect).
            e.Property(x => x.SourceKey).HasMaxLength(IdLength * 2 + 50);
            e.HasIndex(x => x.SourceKey).IsUnique();
        });
    }

    private static void ConfigureMailOutbox(ModelBuilder b) =>
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
            e.HasIndex(x => x.IdempotencyKey).IsUnique();
            e.HasIndex(x => x.MessageId).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.Status, x.LeaseExpiresAt });
            e.HasIndex(x => new { x.InstanceId, x.CreatedAt });
        });
}
