using JcStar.Workflow.Engine;
using JcStar.Workflow.Runtime;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace JcStar.Workflow.Server.Hosting;

/// <summary>The runtime's exceptions as problem details: 404 unknown, 409 lost race or no longer pending, 403 not entitled, 400 per field.</summary>
public sealed class WorkflowExceptionHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ProblemDetails? problem = exception switch
        {
            WorkflowNotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = e.Message },
            WorkflowConflictException e => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = e.Reason == ConflictReason.ConcurrentUpdate ? "Concurrent update" : "No longer pending",
                Detail = e.Message,
                Extensions = { ["reason"] = e.Reason.ToString() },
            },
            WorkflowForbiddenException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = e.Message },
            WorkflowInputException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(kv => kv.Key, kv => kv.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "Invalid input",
                Detail = e.Message,
            },
            WorkflowCommandException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Command refused", Detail = e.Message },
            BadHttpRequestException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "Bad request", Detail = e.Message },
            _ => null,
        };
        if (problem is null)
            return false;
        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }
}
