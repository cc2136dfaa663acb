namespace JcStar.Workflow.Bpmn.Model;

public sealed record TerminateEventDefinition : EventDefinition
{
    public override string ElementType => "terminateEventDefinition";
}
