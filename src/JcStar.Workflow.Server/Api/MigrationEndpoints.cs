using JcStar.Workflow.Runtime.Migrations;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

/// <summary>Moving running cases to another version: admins and scheme managers (the runtime refuses anyone else).</summary>
public static class MigrationEndpoints
{
    public static RouteGroupBuilder MapMigrationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/migrations");
        group.MapPost("/plan", async Task<Results<Ok<MigrationPlanReport>, ValidationProblem>> (MigrationPlanRequest request, InstanceMigrations migrations, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            InstanceMigrations.RequireMigrator(actor);
            var missing = Requests.Required(("sourceDefinitionId", request.SourceDefinitionId), ("targetDefinitionId", request.TargetDefinitionId));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            return TypedResults.Ok(await migrations.PlanAsync(request.SourceDefinitionId!, request.TargetDefinitionId!, request.Instructions, actor, ct));
        });
        group.MapPost("/", async Task<Results<Ok<MigrationReport>, ValidationProblem>> (MigrateRequest request, InstanceMigrations migrations, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            InstanceMigrations.RequireMigrator(actor);
            var missing = Requests.Required(("sourceDefinitionId", request.SourceDefinitionId), ("targetDefinitionId", request.TargetDefinitionId));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            var report = await migrations.MigrateAsync(
                new MigrationRequest(request.SourceDefinitionId!, request.TargetDefinitionId!, request.Instructions is { Count: > 0 } ? request.Instructions : null, request.InstanceIds, request.BusinessKey, request.DryRun),
                actor, null, ct);
            return TypedResults.Ok(report);
        });
        return api;
    }
}
