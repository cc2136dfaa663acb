using JcStar.Workflow.Identity.Model;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Identity;

/// <summary>
/// Users, roles, organizations, access tokens, sign-in records and the data-protection keys, in the workflow
/// database beside the workflow tables. Its own migrations (history table <c>__AccessMigrationsHistory</c>) live
/// in each provider project, like the workflow context's.
/// </summary>
public sealed class AccessDbContext(DbContextOptions<AccessDbContext> options) : IdentityDbContext<WorkflowUser>(options), IDataProtectionKeyContext
{
    public const string HistoryTable = "__AccessMigrationsHistory";

    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<AccessToken> AccessTokens => Set<AccessToken>();
    public DbSet<SignInRecord> SignInRecords => Set<SignInRecord>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<WorkflowUser>(e =>
        {
            e.Property(x => x.DisplayName).HasMaxLength(200);
            e.Property(x => x.OrganizationId).HasMaxLength(64);
            e.HasIndex(x => x.OrganizationId);
        });
        builder.Entity<Organization>(e =>
        {
            e.ToTable("organizations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(400);
            e.Property(x => x.CorporateNumber).HasMaxLength(13);
            e.Property(x => x.FacilityId).HasMaxLength(200);
            e.Property(x => x.Representative).HasMaxLength(200);
            e.Property(x => x.PostalCode).HasMaxLength(16);
            e.Property(x => x.Address).HasMaxLength(400);
            e.Property(x => x.ContactName).HasMaxLength(200);
            e.Property(x => x.ContactEmail).HasMaxLength(256);
            e.Property(x => x.ContactPhone).HasMaxLength(64);
            e.Property(x => x.ApprovedBy).HasMaxLength(256);
            e.HasIndex(x => x.CorporateNumber).IsUnique();
        });
        builder.Entity<AccessToken>(e =>
        {
            e.ToTable("access_tokens");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(450);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.Hash).HasMaxLength(64);
            e.HasIndex(x => x.Hash).IsUnique();
            e.HasIndex(x => x.UserId);
        });
        builder.Entity<SignInRecord>(e =>
        {
            e.ToTable("sign_in_records");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedOnAdd();
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.RemoteAddress).HasMaxLength(64);
            e.Property(x => x.Method).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(200);
            e.HasIndex(x => new { x.UserName, x.At });
        });
    }
}
