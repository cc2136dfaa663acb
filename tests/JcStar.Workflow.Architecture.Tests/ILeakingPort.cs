using Hangfire;
using JcStar.Workflow.Persistence;
using MimeKit;

namespace JcStar.Workflow.Architecture.Tests;

/// <summary>A port written wrong on purpose, so the signature check shows it would notice: each member lets an adapter's type out.</summary>
public interface ILeakingPort
{
    Task SaveAsync(WorkflowDbContext db);

    MimeMessage Compose();

    IReadOnlyList<IBackgroundJobClient> Clients { get; }
}
