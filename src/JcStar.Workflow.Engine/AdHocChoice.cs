using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>An open ad-hoc sub-process instance and the inner activities that may be chosen in it now.</summary>
public sealed record AdHocChoice(string AdHocId, string ElementId, ImmutableArray<string> Activities);
