using JcStar.Workflow.Server.Identity;

namespace JcStar.Workflow.Server.Api;

public static class ApiEndpoints
{
    /// <summary>The JSON API under /api; every route needs an authenticated caller.</summary>
    public static WebApplication MapWorkflowApi(this WebApplication app)
    {
        var api = app.MapGroup("/api").RequireAuthorization();
        api.MapAccessEndpoints();
        api.MapDefinitionEndpoints();
        api.MapProcedureEndpoints();
        api.MapSimulationEndpoints();
        api.MapProcedureFormEndpoints();
        api.MapInstanceEndpoints();
        api.MapTaskEndpoints();
        api.MapEventEndpoints();
        api.MapConditionEndpoints();
        api.MapCaseRecordEndpoints();
        api.MapAdHocEndpoints();
        api.MapMigrationEndpoints();
        api.MapTemplateEndpoints();
        return app;
    }
}
