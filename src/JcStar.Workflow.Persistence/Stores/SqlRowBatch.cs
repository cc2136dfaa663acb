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
/// Several INSERT/UPDATE statements as one command, so a commit is one round trip instead of one per
/// row plus EF's change tracking. Tables, columns, parameter types and value converters come from
/// the EF model, so the statements follow the model (a column added there is written here too).
/// </summary>
internal sealed class SqlRowBatch
{
    private static readonly ConcurrentDictionary<(IModel Model, Type Row), TableShape> Shapes = new();

    private readonly DbCommand _command;
    private readonly IModel _model;
    private readonly ISqlGenerationHelper _sql;
    private readonly StringBuilder _text = new();
    private int _parameters;

    public SqlRowBatch(WorkflowDbContext db, DbCommand command)
    {
        _command = command;
        _model = db.Model;
        _sql = db.GetService<ISqlGenerationHelper>();
    }

    public bool IsEmpty => _text.Length == 0;

    public string Table<TRow>() => Shape(typeof(TRow)).Table;

    public string Column<TRow>(string property) => _sql.DelimitIdentifier(Shape(typeof(TRow)).Column(property).Name);

    /// <summary>A parameter typed (and converted) as <typeparamref name="TRow"/>'s <paramref name="property"/> is.</summary>
    public string Value<TRow>(string property, object? value) => Parameter(Shape(typeof(TRow)).Column(property).Mapping, value);

    public SqlRowBatch Append(string sql)
    {
        _text.Append(sql);
        if (!sql.EndsWith(';'))
            _text.Append(';');
        _text.Append('\n');
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

    /// <summary>The statements, ready to run in the command's transaction.</summary>
    public DbCommand Command()
    {
        _command.CommandText = _text.ToString();
        return _command;
    }

    private string Parameter(RelationalTypeMapping mapping, object? value)
    {
        var name = _sql.GenerateParameterName("p" + _parameters++.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _command.Parameters.Add(mapping.CreateParameter(_command, name, value, nullable: true));
        return name;
    }

    private TableShape Shape(Type row) => Shapes.GetOrAdd((_model, row), static (key, sql) =>
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
    }, _sql);

    private sealed record ColumnShape(string Name, PropertyInfo Property, RelationalTypeMapping Mapping, bool Key, bool Generated);

    private sealed record TableShape(string Table, ColumnShape[] Columns)
    {
        public ColumnShape Column(string property) => Columns.First(c => c.Property.Name == property);
    }
}
