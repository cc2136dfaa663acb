namespace JcStar.Workflow.Scheme.Facilities;

public interface IFacilityStore
{
    EvaluationFacility? Find(string facilityId);
    IReadOnlyList<EvaluationFacility> All();
    void Save(EvaluationFacility facility);
}
