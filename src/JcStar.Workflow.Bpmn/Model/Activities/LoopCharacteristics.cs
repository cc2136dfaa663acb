namespace JcStar.Workflow.Bpmn.Model;

public abstract record LoopCharacteristics
{
    public abstract string ElementType { get; }
}
