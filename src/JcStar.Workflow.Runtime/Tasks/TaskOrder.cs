namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>How an inbox is sorted; every order ends with creation time and id, so pages never overlap.</summary>
public enum TaskOrder
{
    /// <summary>Earliest due first, undated last.</summary>
    Due,

    /// <summary>Highest priority first (BPMN <c>jc:priority</c>/<c>camunda:priority</c>, 50 when the diagram gives none), then by due date.</summary>
    Priority,
}
