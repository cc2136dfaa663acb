using System.Linq.Expressions;

namespace JcStar.Workflow.Hangfire.Hosting;

/// <summary>
/// When <typeparamref name="TJob"/> recurs, under which Hangfire id, and what runs (written at the registration, so
/// Hangfire stores the job's own type and method).
/// </summary>
public sealed record RecurringJobSchedule<TJob>(string JobId, bool Enabled, string Cron, Expression<Func<TJob, Task>> Run);
