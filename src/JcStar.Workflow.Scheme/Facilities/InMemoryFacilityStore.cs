using System.Collections.Concurrent;

namespace JcStar.Workflow.Scheme.Facilities;

public sealed class InMemoryFacilityStore : IFacilityStore
{
    private readonly ConcurrentDictionary<string, EvaluationFacility> facilities = new(StringComparer.Ordinal);

    public EvaluationFacility? Find(string facilityId) => facilities.GetValueOrDefault(facilityId);

    public IReadOnlyList<EvaluationFacility> All() => facilities.Values.OrderBy(f => f.Id, StringComparer.Ordinal).ToList();

    public void Save(EvaluationFacility facility) => facilities[facility.Id] = facility;
}
