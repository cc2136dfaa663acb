namespace JcStar.Workflow.Bpmn.Model;

/// <summary>A cancel end event inside a transaction, or the cancel boundary event of a transaction.</summary>
public sealed record CancelEventDefinition : EventDefinition
{
    public override string ElementType => "cancelEventDefinition";
}
