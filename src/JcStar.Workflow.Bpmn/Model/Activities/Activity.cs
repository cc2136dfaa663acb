namespace JcStar.Workflow.Bpmn.Model;

public abstract record Activity : FlowNode
{
    public LoopCharacteristics? Loop { get; init; }
    public string? DefaultFlow { get; init; }
    public bool IsForCompensation { get; init; }

    /// <summary>How many tokens must arrive before the activity starts (the spec's startQuantity; 1 unless given).</summary>
    public int StartQuantity { get; init; } = 1;

    /// <summary>How many tokens the activity sends down each outgoing flow when it completes (completionQuantity; 1 unless given).</summary>
    public int CompletionQuantity { get; init; } = 1;

    /// <summary>jc:async / camunda:asyncBefore: the host runs the work in a background continuation.</summary>
    public bool IsAsync { get; init; }

    /// <summary>How many times the host retries a failing background continuation before raising an incident (null: host default).</summary>
    public int? Retries { get; init; }
}
