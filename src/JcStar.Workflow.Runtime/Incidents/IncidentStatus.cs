namespace JcStar.Workflow.Runtime.Incidents;

public enum IncidentStatus
{
    Open,
    Resolved,
}
