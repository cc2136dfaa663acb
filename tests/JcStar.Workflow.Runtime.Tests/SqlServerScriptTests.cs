using JcStar.Workflow.Persistence;
using JcStar.Workflow.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Xunit;

namespace JcStar.Workflow.Runtime.Tests;

/// <summary>SQL Server is not installed here; its migrations must still script every table, which needs no server.</summary>
public sealed class SqlServerScriptTests
{
    [Fact]
    public void The_sql_server_migrations_script_creates_every_table_of_the_model()
    {
        var options = new DbContextOptionsBuilder<WorkflowDbContext>();
        SqlServerWorkflowDatabase.Configure(options, "Server=unused;Database=unused;TrustServerCertificate=True");
        using var db = new WorkflowDbContext(options.Options);

        var script = db.GetService<IMigrator>().GenerateScript();

        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).ToList();
        Assert.Equal(21, tables.Count);
        foreach (var table in tables)
            Assert.Contains($"CREATE TABLE [{table}]", script);
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model changed since the last SQL Server migration: run dotnet ef migrations add");
    }
}
