using System.Collections.Concurrent;
using System.Data.Common;
using System.Reflection;
using JcStar.Workflow.Persistence.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace JcStar.Workflow.Persistence.Stores;

/// <summary>
/// Reads rows of a table the way EF would, from a plain data reader: the column list, the provider
/// types and the value converters come from the EF model (see <see cref="SqlRowBatch"/>), so a
/// provider session (<see cref="ICommitStrategy"/>) can read with a statement it keeps prepared.
/// </summary>
public sealed class SqlRowReader<TRow>
    where TRow : class, new()
{
    private static readonly ConcurrentDictionary<(IModel Model, string Columns), SqlRowReader<TRow>> ByModel = new();

    private static readonly MethodInfo ReadMethod = typeof(SqlRowReader<TRow>).GetMethod(nameof(ReadAs), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo SetMethod = typeof(SqlRowReader<TRow>).GetMethod(nameof(SetAs), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ColumnReader[] _columns;
    private readonly IModel _model;
    private readonly ISqlGenerationHelper _sql;
    private readonly SqlRowBatch.TableShape _shape;

    private SqlRowReader(IModel model, ISqlGenerationHelper sql, IDatabaseDialect dialect, string[] properties)
    {
        _model = model;
        Dialect = dialect;
        _sql = sql;
        _shape = SqlRowBatch.ShapeOf(model, sql, typeof(TRow));
        var selected = properties.Length == 0 ? _shape.Columns : properties.Select(_shape.Column).ToArray();
        _columns = selected.Select(c =>
        {
            var providerType = c.Mapping.Converter?.ProviderClrType ?? c.Mapping.ClrType;
            providerType = Nullable.GetUnderlyingType(providerType) ?? providerType;
            var read = ReadMethod.MakeGenericMethod(providerType).CreateDelegate<Func<DbDataReader, int, object>>();
            var fromProvider = c.Mapping.Converter?.ConvertFromProvider;
            var set = SetMethod.MakeGenericMethod(c.Property.PropertyType).CreateDelegate<Func<PropertyInfo, Action<TRow, object>>>()(c.Property);
            return new ColumnReader(set, read, fromProvider);
        }).ToArray();
        Table = _shape.Table;
        SelectList = string.Join(", ", selected.Select(c => sql.DelimitIdentifier(c.Name)));
    }

    /// <summary>The database's dialect, for what a statement must write its own way (NULL's place in an order, a list bound as one value).</summary>
    public IDatabaseDialect Dialect { get; }

    /// <summary>The table, delimited.</summary>
    public string Table { get; }

    /// <summary>The columns read, delimited, in the order <see cref="Read"/> expects.</summary>
    public string SelectList { get; }

    /// <summary>A reader of every column, or only of <paramref name="properties"/> (the others keep their defaults).</summary>
    public static SqlRowReader<TRow> For(WorkflowDbContext db, params string[] properties) =>
        ByModel.GetOrAdd((db.Model, string.Join(',', properties)), static (key, arg) => new SqlRowReader<TRow>(key.Model, arg.Sql, arg.Dialect, arg.Properties),
            (Sql: db.GetService<ISqlGenerationHelper>(), db.Dialect, Properties: properties));

    /// <summary>The reader of another table of the same model, for a statement that reads one table and joins or tests another.</summary>
    public SqlRowReader<TOther> Of<TOther>()
        where TOther : class, new() =>
        SqlRowReader<TOther>.For(_model, _sql, Dialect);

    internal static SqlRowReader<TRow> For(IModel model, ISqlGenerationHelper sql, IDatabaseDialect dialect) =>
        ByModel.GetOrAdd((model, ""), static (key, arg) => new SqlRowReader<TRow>(key.Model, arg.sql, arg.dialect, []), (sql, dialect));

    public string Column(string property) => _sql.DelimitIdentifier(_shape.Column(property).Name);

    /// <summary>A parameter typed as <paramref name="property"/>'s column, named as a session statement expects (p0_, p1_, …).</summary>
    public SqlRowBatch.BoundValue Value(string property, object? value, int index) =>
        new(_sql.GenerateParameterName("p" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "_"), _shape.Column(property).Mapping, value);

    /// <summary>The row at the reader's current position, selected with <see cref="SelectList"/>.</summary>
    public TRow Read(DbDataReader reader)
    {
        var row = new TRow();
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = _columns[i];
            if (reader.IsDBNull(i))
                continue;
            var value = column.Read(reader, i);
            column.Set(row, column.FromProvider is null ? value : column.FromProvider(value)!);
        }
        return row;
    }

    private static object ReadAs<T>(DbDataReader reader, int ordinal) => reader.GetFieldValue<T>(ordinal)!;

    // The property's setter called through a typed delegate, not PropertyInfo.SetValue: reflection's checks and reboxing
    // on each of a page's thousands of values (an inbox page reads a hundred rows of twenty columns) showed under load.
    private static Action<TRow, object> SetAs<T>(PropertyInfo property)
    {
        var set = property.GetSetMethod(nonPublic: true)!.CreateDelegate<Action<TRow, T>>();
        return (row, value) => set(row, (T)value);
    }

    private sealed record ColumnReader(Action<TRow, object> Set, Func<DbDataReader, int, object> Read, Func<object?, object?>? FromProvider);
}
