namespace JcStar.Workflow.Bpmn.Validation;

public enum ExpressionUse
{
    /// <summary>A sequence-flow condition, completion or loop condition: must give a boolean.</summary>
    Condition,
    /// <summary>A value: an input/output parameter, assignee, due date, collection, timer value, correlation key.</summary>
    Value,
    /// <summary>A script task's body: statements.</summary>
    Script,
}
