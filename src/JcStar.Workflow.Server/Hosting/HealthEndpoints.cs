namespace JcStar.Workflow.Server.Hosting;

public static class HealthEndpoints
{
    public static WebApplication MapWorkflowHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        return app;
    }
}
