using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Hosting;

namespace JcStar.Workflow.Server.Hosting;

public static class ServiceRegistration
{
    /// <summary>The runtime's use cases, the deployment of workflows/*.bpmn at start, and problem details for errors.</summary>
    public static WebApplicationBuilder AddWorkflowServices(this WebApplicationBuilder builder)
    {
        var engine = builder.Configuration.GetSection("Engine").Get<EngineOptions>() ?? EngineOptions.Default;
        builder.Services.AddSingleton(engine);
        builder.Services.AddWorkflowRuntime(o => builder.Configuration.GetSection(RuntimeOptions.Section).Bind(o));
        builder.Services.Configure<JcStar.Workflow.Runtime.Documents.AttachmentOptions>(builder.Configuration.GetSection(JcStar.Workflow.Runtime.Documents.AttachmentOptions.Section));
        builder.Services.Configure<WorkflowFilesOptions>(builder.Configuration.GetSection(WorkflowFilesOptions.Section));
        builder.Services.AddHostedService<WorkflowFileDeployment>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<WorkflowExceptionHandler>();
        return builder;
    }
}
