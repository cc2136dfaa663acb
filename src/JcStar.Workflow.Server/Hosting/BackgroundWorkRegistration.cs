using Hangfire;
using JcStar.Workflow.Hangfire;
using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Persistence;
using JcStar.Workflow.Server.Identity;

namespace JcStar.Workflow.Server.Hosting;

public static class BackgroundWorkRegistration
{
    /// <summary>Hangfire on the same kind of database as the workflow tables unless "Hangfire" says otherwise; SQLite gets its own file beside workflow.db.</summary>
    public static WebApplicationBuilder AddWorkflowBackgroundWork(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(WorkflowHangfireOptions.Section).Get<WorkflowHangfireOptions>() ?? new WorkflowHangfireOptions();
        var database = DatabaseRegistration.Resolve(builder.Configuration);
        var storage = options.Storage ?? database.Provider switch
        {
            DatabaseProvider.PostgreSql => HangfireStorageKind.PostgreSql,
            DatabaseProvider.SqlServer => HangfireStorageKind.SqlServer,
            _ => HangfireStorageKind.Sqlite,
        };
        var connection = options.ConnectionString is { Length: > 0 } configured ? configured
            : storage == HangfireStorageKind.Sqlite ? Path.Combine((builder.Configuration.GetSection(DataOptions.Section).Get<DataOptions>() ?? new DataOptions()).FullRoot, "hangfire.db")
            : database.ConnectionString;
        builder.Services.AddWorkflowHangfire(options, storage, connection);
        return builder;
    }

    /// <summary>The Hangfire dashboard at /hangfire, for admins only.</summary>
    public static WebApplication MapWorkflowDashboard(this WebApplication app)
    {
        var options = app.Configuration.GetSection(WorkflowHangfireOptions.Section).Get<WorkflowHangfireOptions>() ?? new WorkflowHangfireOptions();
        if (options.Dashboard)
            app.UseHangfireDashboard("/hangfire", new DashboardOptions { Authorization = [new AdminDashboardAuthorization()] });
        return app;
    }
}
