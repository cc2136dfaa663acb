using System.Collections.Immutable;
using JcStar.Workflow.Bpmn.Diagnostics;

namespace JcStar.Workflow.Runtime.Definitions;

/// <summary>The executable processes of one file after deployment, and the warnings the reader reported.</summary>
public sealed record DeploymentResult(ImmutableArray<DeployedProcess> Processes, ImmutableArray<BpmnDiagnostic> Warnings);
