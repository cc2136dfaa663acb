using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.Rows;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Persistence.Rows;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Scheme.Persistence.Stores;

public sealed class EfFacilityStore(IDbContextFactory<WorkflowDbContext> factory) : IFacilityStore
{
    public EvaluationFacility? Find(string facilityId)
    {
        using var db = factory.CreateDbContext();
        return db.Set<FacilityRow>().AsNoTracking().FirstOrDefault(f => f.Id == facilityId)?.ToRecord();
    }

    public IReadOnlyList<EvaluationFacility> All()
    {
        using var db = factory.CreateDbContext();
        return db.Set<FacilityRow>().AsNoTracking().AsEnumerable()
            .Select(f => f.ToRecord())
            .OrderBy(f => f.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Insert or replace. A second node inserting the same facility first turns our insert into an update.</summary>
    public void Save(EvaluationFacility facility)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var db = factory.CreateDbContext();
            var row = db.Set<FacilityRow>().FirstOrDefault(f => f.Id == facility.Id);
            if (row is null)
            {
                row = new FacilityRow { Id = facility.Id };
                db.Set<FacilityRow>().Add(row);
            }
            row.CopyFrom(facility);
            try
            {
                db.SaveChanges();
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }
}
