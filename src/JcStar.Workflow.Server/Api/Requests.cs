using System.Collections.Immutable;
using System.Text.Json;
using JcStar.Workflow.Runtime;

namespace JcStar.Workflow.Server.Api;

/// <summary>Turns request parts into the runtime's forms, refusing what is malformed by field name.</summary>
internal static class Requests
{
    public const int MaxPage = 100_000;

    public static ImmutableDictionary<string, JsonElement> Variables(Dictionary<string, JsonElement>? variables) =>
        variables is null ? ImmutableDictionary<string, JsonElement>.Empty : ImmutableDictionary.CreateRange(StringComparer.Ordinal, variables);

    public static Dictionary<string, string[]> Required(params (string Field, string? Value)[] fields) =>
        fields.Where(f => string.IsNullOrWhiteSpace(f.Value)).ToDictionary(f => f.Field, _ => new[] { "required" });

    /// <exception cref="WorkflowInputException">page or pageSize out of range (each named).</exception>
    public static PageRequest Page(int? page, int? pageSize)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (page is < 1 or > MaxPage)
            errors["page"] = [$"from 1 to {MaxPage}"];
        if (pageSize is < 1 or > PageRequest.MaxSize)
            errors["pageSize"] = [$"from 1 to {PageRequest.MaxSize}"];
        if (errors.Count > 0)
            throw new WorkflowInputException("paging is out of range", errors);
        return new PageRequest(page ?? 1, pageSize ?? 50);
    }
}
