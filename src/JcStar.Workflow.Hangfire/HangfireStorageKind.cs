namespace JcStar.Workflow.Hangfire;

public enum HangfireStorageKind
{
    Sqlite,
    PostgreSql,
    SqlServer,
}
