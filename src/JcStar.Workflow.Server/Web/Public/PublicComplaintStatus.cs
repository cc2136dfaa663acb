using JcStar.Workflow.Scheme.Complaints;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>What a confirmation link points at; <see cref="Outcome"/> is null while it can still be confirmed.</summary>
public sealed record PublicComplaintStatus(ComplaintOutcome? Outcome, PublicComplaint? Complaint);
