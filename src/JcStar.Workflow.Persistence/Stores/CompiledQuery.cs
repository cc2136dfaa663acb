using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// A query translated once per model instead of on every call. EF binds a compiled query to the model
/// it first ran against, and one process may hold several (SQLite and PostgreSQL side by side).
/// </summary>
internal sealed class CompiledQuery<TArg, TResult>(Expression<Func<WorkflowDbContext, TArg, CancellationToken, TResult>> query)
{
    private readonly ConditionalWeakTable<IModel, Func<WorkflowDbContext, TArg, CancellationToken, Task<TResult>>> _byModel = new();

    public Task<TResult> RunAsync(WorkflowDbContext db, TArg arg, CancellationToken cancellationToken) =>
        _byModel.GetValue(db.Model, _ => EF.CompileAsyncQuery(query))(db, arg, cancellationToken);
}
