namespace JcStar.Workflow.Scheme.Letters;

/// <summary>How letters number and address themselves (section "Scheme:Letters").</summary>
public sealed record LetterOptions
{
    /// <summary>The outgoing document number (文書番号) series: literal text with {yyyy} {yy} {seq} {seq:N}. Assumed format.</summary>
    public string DocumentNumberFormat { get; init; } = "情推認第{seq}号";

    /// <summary>A company is addressed as "Company" (株式会社… 御中) or "Representative" (its representative's title and name with 殿).</summary>
    public string CompanyAddressing { get; init; } = "Representative";

    /// <summary>The honorific after a person's name: 様 or 殿.</summary>
    public string PersonHonorific { get; init; } = "様";

    /// <summary>Assumed: days after a decision letter within which an appeal may be filed; the letter prints the date.</summary>
    public int AppealFilingDays { get; init; } = 30;
}
