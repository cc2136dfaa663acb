using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Runtime.Access;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Stores;

public sealed class EfCasePartyStore(IDbContextFactory<WorkflowDbContext> factory) : ICasePartyStore
{
    public async Task<CaseParties?> FindAsync(string instanceId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.CaseParties.AsNoTracking().FirstOrDefaultAsync(p => p.InstanceId == instanceId, cancellationToken);
        return row is null ? null : new CaseParties(row.InstanceId, row.ApplicantOrganizationId, row.FacilityId);
    }

    public async Task SaveAsync(CaseParties parties, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.CaseParties.FirstOrDefaultAsync(p => p.InstanceId == parties.InstanceId, cancellationToken);
        if (row is null)
            db.CaseParties.Add(new CasePartyRow { InstanceId = parties.InstanceId, ApplicantOrganizationId = parties.ApplicantOrganizationId, FacilityId = parties.FacilityId });
        else
        {
            row.ApplicantOrganizationId = parties.ApplicantOrganizationId;
            row.FacilityId = parties.FacilityId;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task AssignFacilityAsync(string instanceId, string facilityId, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.CaseParties.FirstOrDefaultAsync(p => p.InstanceId == instanceId, cancellationToken);
        if (row is null)
            db.CaseParties.Add(new CasePartyRow { InstanceId = instanceId, FacilityId = facilityId });
        else
            row.FacilityId = facilityId;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException) when (row is null)
        {
            // Another node recorded the parties first: set the facility on its row.
            await using var again = await factory.CreateDbContextAsync(cancellationToken);
            await again.CaseParties.Where(p => p.InstanceId == instanceId)
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.FacilityId, facilityId), cancellationToken);
        }
    }

    public async Task<IReadOnlyList<string>> InstancesOfApplicantsAsync(IReadOnlyCollection<string> organizationIds, CancellationToken cancellationToken)
    {
        var ids = organizationIds.ToList();
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.CaseParties.AsNoTracking()
            .Where(p => p.ApplicantOrganizationId != null && ids.Contains(p.ApplicantOrganizationId))
            .Select(p => p.InstanceId).ToListAsync(cancellationToken);
    }
}
