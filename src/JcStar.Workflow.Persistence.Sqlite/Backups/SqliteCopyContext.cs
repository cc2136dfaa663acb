using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Scheme.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.Sqlite.Backups;

/// <summary>
/// A context on a backup copy or a restored file, without the server's WAL pragmas: reading a copy must
/// not change its journal mode or leave -wal/-shm files beside it.
/// </summary>
internal static class SqliteCopyContext
{
    public static WorkflowDbContext Open(string file, bool readOnly)
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>()
            .UseSqlite($"Data Source={file};Pooling=False{(readOnly ? ";Mode=ReadOnly" : "")}",
                o => o.MigrationsAssembly(typeof(SqliteWorkflowDatabase).Assembly.GetName().Name));
        options.UseWorkflowDialect(SqliteDialect.Instance).AddWorkflowModel(SchemeModel.Instance);
        return new WorkflowDbContext(options.Options);
    }
}
