using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Audit;
using JcStar.Workflow.Runtime.Definitions;
using JcStar.Workflow.Runtime.Incidents;
using JcStar.Workflow.Runtime.Instances;
using JcStar.Workflow.Runtime.Subscriptions;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Runtime.Timers;

namespace JcStar.Workflow.Runtime;

/// <summary>The store ports together, so use cases take one dependency instead of eight.</summary>
public sealed record WorkflowStores(
    IDefinitionStore Definitions,
    IInstanceStore Instances,
    ITaskStore Tasks,
    ITimerStore Timers,
    ISubscriptionStore Subscriptions,
    IJobStore Jobs,
    IIncidentStore Incidents,
    IAuditLog Audit);
