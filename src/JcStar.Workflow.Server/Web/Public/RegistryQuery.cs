using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>The registry's search as the query string carries it (?q=&amp;company=&amp;product=&amp;model=&amp;number=&amp;level=&amp;page=&amp;size=).</summary>
public sealed record RegistryQuery(string? Q, string? Company, string? Product, string? Model, string? Number, string? Level, string? Page, string? Size)
{
    public static RegistryQuery From(HttpRequest request)
    {
        string? Get(string name) => request.Query.TryGetValue(name, out var v) ? v.ToString() : null;
        return new RegistryQuery(Get("q"), Get("company"), Get("product"), Get("model"), Get("number"), Get("level"), Get("page"), Get("size"));
    }

    /// <summary>The search, or the parameter that is wrong and why.</summary>
    public (RegistrySearch? Search, string? Problem) ToSearch(int defaultSize, int maxSize)
    {
        LabelLevel? level = null;
        if (!string.IsNullOrWhiteSpace(Level))
        {
            try
            {
                level = LabelLevels.Parse(Level);
            }
            catch (FormatException e)
            {
                return (null, "level: " + e.Message);
            }
        }
        var page = 1;
        if (!string.IsNullOrWhiteSpace(Page) && (!int.TryParse(Page, out page) || page < 1))
            return (null, $"page: '{Page}' is not a page number (1 or more)");
        var size = defaultSize;
        if (!string.IsNullOrWhiteSpace(Size) && (!int.TryParse(Size, out size) || size < 1 || size > maxSize))
            return (null, $"size: '{Size}' is not a page size from 1 to {maxSize}");
        foreach (var (name, value) in new[] { ("q", Q), ("company", Company), ("product", Product), ("model", Model), ("number", Number) })
        {
            if (value?.Length > 200)
                return (null, $"{name}: longer than 200 characters");
        }
        return (new RegistrySearch { Text = Q, Company = Company, Product = Product, Model = Model, RegistrationNumber = Number, Level = level, Page = page, PageSize = size }, null);
    }

    /// <summary>The same search on another page, as a query string.</summary>
    public string ForPage(int page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["company"] = Company, ["product"] = Product, ["model"] = Model, ["number"] = Number, ["level"] = Level, ["size"] = Size, ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public string WithoutPage() => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q, ["company"] = Company, ["product"] = Product, ["model"] = Model, ["number"] = Number, ["level"] = Level,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
