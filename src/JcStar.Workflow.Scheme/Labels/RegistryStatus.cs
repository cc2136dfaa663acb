namespace JcStar.Workflow.Scheme.Labels;

public enum RegistryStatus
{
    Valid,
    Expired,
    Revoked,
}
