using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// Several INSERT/UPDATE statements built from the EF model, so a commit is one round trip (or, on a
/// provider session (<see cref="ICommitStrategy"/>), a few prepared statements run again) instead of one per row plus
/// EF's change tracking. Tables, columns, parameter types and value converters come from the model, so
/// the statements follow it (a column added there is written here too).
/// </summary>
/// <remarks>
/// Parameters are numbered per statement, so a statement of the same shape has the same text every time
/// and a session can keep it prepared; <see cref="Command"/> renames them apart for one batched command.
/// </remarks>
public sealed class SqlRowBatch
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Row), TableShape> Shapes = new();

    private readonly IModel _model;
    private readonly ISqlGenerationHelper _sql;
    private readonly List<Statement> _statements = [];
    private List<BoundValue> _pending = [];

    public SqlRowBatch(WorkflowDbContext db)
    {
        _model = db.Model;
        _sql = db.GetService<ISqlGenerationHelper>();
    }

    public bool IsEmpty => _statements.Count == 0;

    public IReadOnlyList<Statement> Statements => _statements;

    public string Table<TRow>() => Shape(typeof(TRow)).Table;

    public string Column<TRow>(string property) => _sql.DelimitIdentifier(Shape(typeof(TRow)).Column(property).Name);

    /// <summary>A parameter typed (and converted) as <typeparamref name="TRow"/>'s <paramref name="property"/> is, for the next statement appended.</summary>
    public string Value<TRow>(string property, object? value) => Parameter(Shape(typeof(TRow)).Column(property).Mapping, value);

    /// <summary>Ends a statement; it takes the parameters made since the last one.</summary>
    public SqlRowBatch Append(string sql)
    {
        _statements.Add(new Statement(sql, _pending));
        _pending = [];
        return this;
    }

    /// <summary>INSERT of every row in one statement (columns the database generates left out).</summary>
    public void Insert<TRow>(IReadOnlyCollection<TRow> rows)
        where TRow : class
    {
        if (rows.Count == 0)
            return;
        var shape = Shape(typeof(TRow));
        var columns = shape.Columns.Where(c => !c.Generated).ToList();
        var sql = new StringBuilder().Append("INSERT INTO ").Append(shape.Table).Append(" (")
            .AppendJoin(", ", columns.Select(c => _sql.DelimitIdentifier(c.Name))).Append(") VALUES ");
        var first = true;
        foreach (var row in rows)
        {
            sql.Append(first ? "(" : ", (");
            first = false;
            sql.AppendJoin(", ", columns.Select(c => Parameter(c.Mapping, c.Property.GetValue(row)))).Append(')');
        }
        Append(sql.ToString());
    }

    /// <summary>UPDATE of every non-key column of the row found by its key; <paramref name="condition"/> narrows it further, <paramref name="returning"/> reports the row.</summary>
    public void Update<TRow>(TRow row, string? condition = null, string? returning = null)
        where TRow : class
    {
        var shape = Shape(typeof(TRow));
        var sql = new StringBuilder().Append("UPDATE ").Append(shape.Table).Append(" SET ")
            .AppendJoin(", ", shape.Columns.Where(c => !c.Key).Select(c => $"{_sql.DelimitIdentifier(c.Name)} = {Parameter(c.Mapping, c.Property.GetValue(row))}"))
            .Append(" WHERE ")
            .AppendJoin(" AND ", shape.Columns.Where(c => c.Key).Select(c => $"{_sql.DelimitIdentifier(c.Name)} = {Parameter(c.Mapping, c.Property.GetValue(row))}"));
        if (condition is not null)
            sql.Append(" AND ").Append(condition);
        if (returning is not null)
            sql.Append(" RETURNING ").Append(returning);
        Append(sql.ToString());
    }

    /// <summary>The statements as one command (for a provider that batches them in one round trip), ready to run in the command's transaction.</summary>
    public DbCommand Command(DbCommand command)
    {
        var text = new StringBuilder();
        var offset = 0;
        foreach (var statement in _statements)
        {
            var sql = statement.Sql;
            // Renamed from the highest number down: a new name never meets an old one not yet renamed.
            for (var i = statement.Values.Count - 1; i >= 0; i--)
                sql = sql.Replace(ParameterName(i), ParameterName(offset + i), StringComparison.Ordinal);
            text.Append(sql).Append(sql.EndsWith(';') ? "\n" : ";\n");
            for (var i = 0; i < statement.Values.Count; i++)
                statement.Values[i].AddTo(command, ParameterName(offset + i));
            offset += statement.Values.Count;
        }
        command.CommandText = text.ToString();
        return command;
    }

    private string Parameter(RelationalTypeMapping mapping, object? value)
    {
        var name = ParameterName(_pending.Count);
        _pending.Add(new BoundValue(name, mapping, value));
        return name;
    }

    private string ParameterName(int index) => _sql.GenerateParameterName("p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_");

    private TableShape Shape(Type row) => ShapeOf(_model, _sql, row);

    /// <summary>The table, columns and mappings of <paramref name="row"/> in <paramref name="model"/>.</summary>
    internal static TableShape ShapeOf(IModel model, ISqlGenerationHelper sqlHelper, Type row) => Shapes.GetOrAdd((model, row), static (key, sql) =>
    {
        var entity = key.Model.FindEntityType(key.Row) ?? throw new InvalidOperationException($"{key.Row.Name} is not in the model");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var keys = entity.FindPrimaryKey()!.Properties.ToHashSet();
        var columns = entity.GetProperties()
            .Where(p => p.PropertyInfo is not null)
            .Select(p => new ColumnShape(
                p.GetColumnName(table)!,
                p.PropertyInfo!,
                (RelationalTypeMapping)p.GetTypeMapping(),
                keys.Contains(p),
                p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && keys.Contains(p) && (p.ClrType == typeof(long) || p.ClrType == typeof(int))))
            .ToArray();
        return new TableShape(sql.DelimitIdentifier(table.Name, table.Schema), columns);
    }, sqlHelper);

    /// <summary>One statement and its parameter values, named p0_, p1_, … in order.</summary>
    public sealed record Statement(string Sql, IReadOnlyList<BoundValue> Values)
    {
        /// <summary>Sets <paramref name="command"/>'s parameters to this statement's values (its text must be <see cref="Sql"/>).</summary>
        public void Bind(DbCommand command)
        {
            command.Parameters.Clear();
            foreach (var value in Values)
                value.AddTo(command, value.Name);
        }
    }

    public readonly record struct BoundValue(string Name, RelationalTypeMapping Mapping, object? Value)
    {
        public void AddTo(DbCommand command, string name) => command.Parameters.Add(Mapping.CreateParameter(command, name, Value, nullable: true));
    }

    internal sealed record ColumnShape(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Key, bool Generated);

    internal sealed record TableShape(string Table, ColumnShape[] Columns)
    {
        public ColumnShape Column(string property) => Columns.First(c => c.Property.Name == property);
    }
}
