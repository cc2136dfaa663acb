using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Server.Web;

public sealed record CaseRow(WorkflowInstance Instance, CaseFacts Facts);
