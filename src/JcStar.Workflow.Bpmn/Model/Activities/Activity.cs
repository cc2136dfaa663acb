namespace JcStar.Workflow.Bpmn.Model;

public abstract record Activity : FlowNode
{
    public LoopCharacteristics? Loop { get; init; }
    public string? DefaultFlow { get; init; }
    public bool IsForCompensation { get; init; }

    /// <summary>jc:async / camunda:asyncBefore: the host runs the work in a background continuation.</summary>
    public bool IsAsync { get; init; }

    /// <summary>How many times the host retries a failing background continuation before raising an incident (null: host default).</summary>
    public int? Retries { get; init; }
}
