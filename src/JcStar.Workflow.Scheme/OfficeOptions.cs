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
    public string RegistryUrl { get; init; } = "https://registry.example.jp/jc-star";

    /// <summary>Where fees are paid, as printed on the fee request (several lines).</summary>
    public string BankAccount { get; init; } = "〇〇銀行 本店営業部\n普通預金 0000000\n口座名義 （未設定）";
}
