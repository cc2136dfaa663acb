using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>A label of the organization as the portal shows it, with the case it was granted in.</summary>
public sealed record PortalLabel(RegistryEntry Entry, RegistryStatus Status, string InstanceId);
