using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Scheme.Persistence;
using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.SqlServer;

public static class SqlServerWorkflowDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, o => o.MigrationsAssembly(typeof(SqlServerWorkflowDatabase).Assembly.GetName().Name))
            .UseWorkflowDialect(SqlServerDialect.Instance)
            .AddWorkflowModel(SchemeModel.Instance);
}
