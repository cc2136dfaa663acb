namespace JcStar.Workflow.Scheme;

/// <summary>The sender block of every letter and mail (section "Scheme:Office"). Assumed values; operators set their own.</summary>
public sealed record OfficeOptions
{
    public string Organization { get; init; } = "独立行政法人情報処理推進機構";
    public string LabelIssuingBody { get; init; } = "ラベル発行機関";
    public string CertificationBody { get; init; } = "認証機関";
    public string Section { get; init; } = "セキュリティセンター JC-STAR 担当";
    public string Signatory { get; init; } = "理事長";
    public string PostalCode { get; init; } = "113-6591";
    public string Address { get; init; } = "東京都文京区本駒込二丁目28番8号";
    public string Phone { get; init; } = "03-0000-0000";
    public string Email { get; init; } = "jc-star@example.jp";
    /// <summary>
    /// The public registry's address: this server's /registry as the public reaches it. The grant notice prints and
    /// encodes in its QR code RegistryUrl/{registrationNumber}, the entry's own page.
    /// </summary>
    public string RegistryUrl { get; init; } = "https://jc-star.example.jp/registry";

    /// <summary>Where fees are paid, as printed on the fee request (several lines).</summary>
    public string BankAccount { get; init; } = "〇〇銀行 本店営業部\n普通預金 0000000\n口座名義 （未設定）";

    /// <summary>
    /// The settings that still hold a placeholder (empty, an example.* address, 0000 numbers, 〇〇 or 未設定), as
    /// "Scheme:Office:Name": a letter must not go out with them. The server refuses to start in Production while any remains.
    /// </summary>
    public IReadOnlyList<string> Placeholders()
    {
        (string Name, string Value)[] values =
        [
            (nameof(Organization), Organization), (nameof(LabelIssuingBody), LabelIssuingBody), (nameof(CertificationBody), CertificationBody),
            (nameof(Section), Section), (nameof(Signatory), Signatory), (nameof(PostalCode), PostalCode), (nameof(Address), Address),
            (nameof(Phone), Phone), (nameof(Email), Email), (nameof(RegistryUrl), RegistryUrl), (nameof(BankAccount), BankAccount),
        ];
        return [.. values.Where(v => IsPlaceholder(v.Value)).Select(v => $"{SchemeOptions.Section}:Office:{v.Name}")];
    }

    private static bool IsPlaceholder(string value) =>
        string.IsNullOrWhiteSpace(value)
        || value.Contains("example.", StringComparison.OrdinalIgnoreCase)
        || value.Contains("0000-0000", StringComparison.Ordinal)
        || value.Contains("0000000", StringComparison.Ordinal)
        || value.Contains('〇')
        || value.Contains("未設定", StringComparison.Ordinal);
}
