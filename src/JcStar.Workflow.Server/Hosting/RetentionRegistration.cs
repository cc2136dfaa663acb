using JcStar.Workflow.Hangfire.Hosting;
using JcStar.Workflow.Runtime.Retention;

namespace JcStar.Workflow.Server.Hosting;

public static class RetentionRegistration
{
    /// <summary>Retention ("Retention"): the recurring run that anonymizes personal data of long-closed cases, as `jcstar retention run` does.</summary>
    public static WebApplicationBuilder AddWorkflowRetention(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(RetentionOptions.Section).Get<RetentionOptions>() ?? new RetentionOptions();
        builder.Services.AddWorkflowRetention(options);
        return builder;
    }
}
