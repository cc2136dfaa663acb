using JcStar.Workflow.Runtime;
using JcStar.Workflow.Runtime.Forms;
using JcStar.Workflow.Runtime.Tasks;
using JcStar.Workflow.Server.Identity;
using Microsoft.AspNetCore.Http.HttpResults;

namespace JcStar.Workflow.Server.Api;

public static class TaskEndpoints
{
    public static RouteGroupBuilder MapTaskEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/tasks");
        // The caller's inbox: assigned to them, or offered to them or their groups and unclaimed; earliest due first.
        group.MapGet("/", async (int? page, int? pageSize, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(PageView<TaskView>.From(await queries.InboxAsync(http.User.ToActor(), Requests.Page(page, pageSize), ct), TaskView.From)));
        group.MapGet("/{id}", async (string id, WorkflowQueries queries, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(TaskView.From(await queries.GetTaskAsync(id, http.User.ToActor(), ct))));
        // The task's form and the case's values for it, for the task page's form-js island (same access as the task).
        // The form is the one stored with the task's definition version (a case keeps the form it started with).
        group.MapGet("/{id}/form", async (string id, WorkflowQueries queries, DefinitionForms forms, HttpContext http, CancellationToken ct) =>
        {
            var actor = http.User.ToActor();
            var task = await queries.GetTaskAsync(id, actor, ct);
            var form = task.FormKey is { Length: > 0 } key ? await forms.FindAsync(task.DefinitionId, key, ct) : null;
            return TypedResults.Ok(TaskFormView.From(task.FormKey, form, await queries.CaseVariablesAsync(task.InstanceId, actor, ct)));
        });
        group.MapPost("/{id}/complete", async (string id, CompleteTaskRequest? request, TaskCommands tasks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(TaskView.From(await tasks.CompleteTaskAsync(id, Requests.Variables(request?.Variables), http.User.ToActor(), ct))));
        group.MapPost("/{id}/claim", async (string id, TaskCommands tasks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(TaskView.From(await tasks.ClaimTaskAsync(id, http.User.ToActor(), ct))));
        group.MapPost("/{id}/unclaim", async (string id, TaskCommands tasks, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(TaskView.From(await tasks.UnclaimTaskAsync(id, http.User.ToActor(), ct))));
        group.MapPost("/{id}/reassign", async Task<Results<Ok<TaskView>, ValidationProblem>> (string id, ReassignRequest request, TaskCommands tasks, HttpContext http, CancellationToken ct) =>
        {
            var missing = Requests.Required(("assignee", request.Assignee));
            if (missing.Count > 0)
                return TypedResults.ValidationProblem(missing);
            return TypedResults.Ok(TaskView.From(await tasks.ReassignTaskAsync(id, request.Assignee!, http.User.ToActor(), ct)));
        });
        return api;
    }
}
