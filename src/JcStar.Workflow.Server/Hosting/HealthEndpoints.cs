namespace JcStar.Workflow.Server.Hosting;

public static class HealthEndpoints
{
    public static WebApplication MapWorkflowHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthDetailWriter.WriteAsync }).AllowAnonymous();
        return app;
    }
}
