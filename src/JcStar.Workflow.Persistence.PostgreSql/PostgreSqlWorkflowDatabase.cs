using Microsoft.EntityFrameworkCore;

namespace JcStar.Workflow.Persistence.PostgreSql;

public static class PostgreSqlWorkflowDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString, o => o.MigrationsAssembly(typeof(PostgreSqlWorkflowDatabase).Assembly.GetName().Name));
}
