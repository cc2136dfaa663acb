using System.Text.Json;
using JcStar.Workflow.Runtime.Backups;
using JcStar.Workflow.Server.Identity;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>
/// /health answers everyone with the bare status; admins get the detailed view: each check and the last
/// backup (time, size, file, or why it failed).
/// </summary>
public static class HealthDetailWriter
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        if (!context.User.IsInRole(WorkflowClaims.AdminRole))
        {
            context.Response.ContentType = "text/plain";
            return context.Response.WriteAsync(report.Status.ToString());
        }
        var backup = context.RequestServices.GetService<ScheduledBackup>();
        var status = backup?.ReadStatus();
        var detail = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
            backup = backup is null ? null : new
            {
                folder = backup.Folder,
                lastSucceededAt = status!.LastSucceededAt,
                lastSize = status.LastSize,
                lastFile = status.LastFile,
                lastAttemptAt = status.LastAttemptAt,
                lastError = status.LastError,
            },
        };
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonSerializer.Serialize(detail, JsonSerializerOptions.Web));
    }
}
