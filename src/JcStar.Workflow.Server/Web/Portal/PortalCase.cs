using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>One of the organization's cases as the portal lists it: what it is, where it stands in plain words, and what is asked of the applicant now.</summary>
/// <param name="Steps">The names of the steps the case stands at (for "under review: …").</param>
/// <param name="Asked">The messages the case waits for from the applicant (ApplicationResubmitted, FeePaid, …), each with the element that waits.</param>
public sealed record PortalCase(WorkflowInstance Instance, string ProcessName, CaseFacts Facts, IReadOnlyList<string> Steps, IReadOnlyList<Runtime.Access.WaitingMessage> Asked);
