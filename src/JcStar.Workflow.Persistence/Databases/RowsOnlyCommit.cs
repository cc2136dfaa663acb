using JcStar.Workflow.Persistence.Stores;
using JcStar.Workflow.Runtime.Instances;

namespace JcStar.Workflow.Persistence.Databases;

/// <summary>
/// The hot commit (start, complete a task, claim): rows only, no look-up needed. <see cref="Statements"/>
/// builds its statements for a context of the database (the instance's UPDATE or INSERT first; when
/// <see cref="InstanceCommit.ExpectedVersion"/> is set, that UPDATE returns the row if the version still matched).
/// </summary>
public sealed record RowsOnlyCommit(InstanceCommit Commit, Func<WorkflowDbContext, SqlRowBatch> Statements);
