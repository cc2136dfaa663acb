namespace JcStar.Workflow.Bpmn.Tree;

public sealed record DocumentComment(string Text) : DocumentNode;
