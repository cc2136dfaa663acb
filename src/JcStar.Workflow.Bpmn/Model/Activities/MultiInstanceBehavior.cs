namespace JcStar.Workflow.Bpmn.Model;

/// <summary>Which events a multi-instance activity throws as its instances complete (the spec's behavior attribute).</summary>
public enum MultiInstanceBehavior
{
    /// <summary>No event (the spec's default).</summary>
    All,
    /// <summary>noneBehaviorEventRef is thrown each time an instance completes.</summary>
    None,
    /// <summary>oneBehaviorEventRef is thrown when the first instance completes.</summary>
    One,
    /// <summary>Each complexBehaviorDefinition whose condition holds after an instance completes throws its event.</summary>
    Complex,
}
