using System.Text;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>
/// The searchable text of an entry: only what the applicant chose to publish, in one normal form (NFKC, lower case)
/// so that ＡＢＣ, abc and ABC find each other in every database, whatever its collation.
/// </summary>
public static class RegistrySearchText
{
    public static string? Normalize(string? text) =>
        string.IsNullOrWhiteSpace(text) ? null : text.Trim().Normalize(NormalizationForm.FormKC).ToLowerInvariant();

    public static string? Supplier(RegistryEntry e) =>
        e.PublishedFields.Contains(PublicationField.Supplier) ? Normalize(e.SupplierName) : null;

    public static string? Products(RegistryEntry e) =>
        e.PublishedFields.Contains(PublicationField.ProductName) ? Normalize(string.Join("\n", e.Products.Select(p => p.Name))) : null;

    public static string? Models(RegistryEntry e) =>
        e.PublishedFields.Contains(PublicationField.ModelNumbers) ? Normalize(string.Join("\n", e.Products.SelectMany(p => p.ModelNumbers))) : null;

    public static string Number(RegistryEntry e) => Normalize(e.RegistrationNumber) ?? "";
}
