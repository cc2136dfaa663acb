using JcStar.Workflow.Persistence.Databases;
using JcStar.Workflow.Scheme.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace JcStar.Workflow.Persistence.PostgreSql;

public static class PostgreSqlWorkflowDatabase
{
    /// <summary>
    /// PostgreSQL's JIT is turned off for our connections unless the connection string sets Options:
    /// every workflow query is short, and JIT compiling one took 200 ms of a 290 ms inbox query.
    /// Statements are prepared automatically unless the connection string sets Max Auto Prepare.
    /// </summary>
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
            builder.Options = "-c jit=off";
        // Every command repeats the same few statements: prepared once per connection, the server
        // stops parsing and planning them each time (unless the connection string says otherwise).
        if (builder.MaxAutoPrepare == 0)
            builder.MaxAutoPrepare = 64;
        return options.UseNpgsql(builder.ConnectionString, o => o.MigrationsAssembly(typeof(PostgreSqlWorkflowDatabase).Assembly.GetName().Name))
            .UseWorkflowDialect(PostgreSqlDialect.Instance)
            .AddWorkflowModel(SchemeModel.Instance);
    }
}
