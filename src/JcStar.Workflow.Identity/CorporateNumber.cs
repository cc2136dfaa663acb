namespace JcStar.Workflow.Identity;

/// <summary>
/// 法人番号 (corporate number): 13 digits whose first is a check digit over the other twelve:
/// 9 − (Σ Pₙ × Qₙ mod 9), Pₙ the n-th digit counted from the right, Qₙ 1 for odd n and 2 for even n.
/// </summary>
public static class CorporateNumber
{
    /// <returns>null when valid, otherwise what is wrong, in a sentence.</returns>
    public static string? Problem(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return "the corporate number (法人番号) is required";
        if (value.Length != 13 || !value.All(char.IsAsciiDigit))
            return $"a corporate number (法人番号) has 13 digits ('{value}' does not)";
        var sum = 0;
        for (var n = 1; n <= 12; n++)
            sum += (value[13 - n] - '0') * (n % 2 == 1 ? 1 : 2);
        var check = 9 - (sum % 9);
        return value[0] - '0' == check ? null : $"the corporate number (法人番号) {value} has a wrong check digit (expected {check})";
    }
}
