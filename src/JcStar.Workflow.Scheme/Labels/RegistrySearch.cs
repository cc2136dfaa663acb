namespace JcStar.Workflow.Scheme.Labels;

/// <summary>
/// A search of the public registry. Every text matches a part of what is published (never an unpublished field),
/// ignoring case and full-width/half-width differences; empty criteria are left out. Pages count from 1.
/// </summary>
public sealed record RegistrySearch
{
    /// <summary>Matches the company, product, model number or registration number.</summary>
    public string? Text { get; init; }
    public string? Company { get; init; }
    public string? Product { get; init; }
    public string? Model { get; init; }
    public string? RegistrationNumber { get; init; }
    public LabelLevel? Level { get; init; }
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 50;

    public int Skip => (Math.Max(1, Page) - 1) * Math.Max(1, PageSize);

    /// <summary>The criteria in the form the store compares: normalized, empty ones null.</summary>
    public RegistrySearch Normalized() => this with
    {
        Text = RegistrySearchText.Normalize(Text),
        Company = RegistrySearchText.Normalize(Company),
        Product = RegistrySearchText.Normalize(Product),
        Model = RegistrySearchText.Normalize(Model),
        RegistrationNumber = RegistrySearchText.Normalize(RegistrationNumber),
        Page = Math.Max(1, Page),
        PageSize = Math.Max(1, PageSize),
    };
}
