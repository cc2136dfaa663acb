namespace JcStar.Workflow.Runtime.Tasks;

/// <summary>An inbox as its page shows it: how many tasks are the caller's and their groups' (each capped, see WorkflowQueries.InboxCountLimit), and one page of it.</summary>
public sealed record InboxView(int Mine, int Offered, Page<HumanTask> Tasks);
