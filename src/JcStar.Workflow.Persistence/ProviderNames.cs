namespace JcStar.Workflow.Persistence;

/// <summary>EF provider names, for the few statements each database words differently (atomic upserts and claims).</summary>
internal static class ProviderNames
{
    public const string Sqlite = "Microsoft.EntityFrameworkCore.Sqlite";
    public const string PostgreSql = "Npgsql.EntityFrameworkCore.PostgreSQL";
    public const string SqlServer = "Microsoft.EntityFrameworkCore.SqlServer";
}
