using System.Globalization;
using System.Text;
using Fluid;
using Fluid.Values;
using QRCoder;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>
/// Filters official Japanese letters need beyond standard Liquid: era dates (wareki), yen amounts,
/// full-width digits and QR codes.
/// </summary>
internal static class LetterFilters
{
    // First day of each era; a date belongs to the latest era that began on or before it.
    private static readonly (DateOnly Start, string Name)[] Eras =
    [
        (new DateOnly(2019, 5, 1), "令和"),
        (new DateOnly(1989, 1, 8), "平成"),
        (new DateOnly(1926, 12, 25), "昭和"),
        (new DateOnly(1912, 7, 30), "大正"),
        (new DateOnly(1873, 1, 1), "明治"),
    ];

    public static void Register(FilterCollection filters, TimeZoneInfo zone, double defaultQrWidthMm)
    {
        filters.AddFilter("wareki", (input, args, _) => new ValueTask<FluidValue>(new StringValue(Wareki(ToDate(input, zone, "wareki"), args.At(0).ToStringValue()))));
        filters.AddFilter("yen", (input, args, _) => new ValueTask<FluidValue>(new StringValue(Yen(input, args.At(0).ToStringValue()))));
        filters.AddFilter("zenkaku", (input, _, _) => new ValueTask<FluidValue>(new StringValue(Zenkaku(input.ToStringValue()))));
        filters.AddFilter("qr", (input, args, _) =>
        {
            var width = args.At(0).IsNil() ? defaultQrWidthMm : (double)args.At(0).ToNumberValue();
            return new ValueTask<FluidValue>(Qr(input.ToStringValue(), width));
        });
    }

    /// <summary>令和8年11月25日; year 1 of an era is 元年. Style "year" gives the era year alone (令和8年).</summary>
    public static string Wareki(DateOnly date, string style)
    {
        foreach (var (start, name) in Eras)
        {
            if (date < start)
                continue;
            var year = date.Year - start.Year + 1;
            var yearText = year == 1 ? "元" : year.ToString(CultureInfo.InvariantCulture);
            return style == "year" ? $"{name}{yearText}年" : $"{name}{yearText}年{date.Month}月{date.Day}日";
        }
        throw new FormatException($"{date:yyyy-MM-dd} is before the Meiji calendar reform (1873); write it in the Western calendar");
    }

    /// <summary>198,000円; with "symbol", ¥198,000. Amounts are whole yen.</summary>
    public static string Yen(FluidValue input, string style)
    {
        decimal amount;
        if (input is NumberValue)
            amount = input.ToNumberValue();
        else if (!decimal.TryParse(input.ToStringValue().Replace(",", "").Replace("円", "").Replace("¥", "").Trim(), NumberStyles.Number, CultureInfo.InvariantCulture, out amount))
            throw new FormatException($"yen: '{input.ToStringValue()}' is not an amount");
        var digits = Math.Round(amount, 0, MidpointRounding.AwayFromZero).ToString("#,0", CultureInfo.InvariantCulture);
        return style == "symbol" ? "¥" + digits : digits + "円";
    }

    /// <summary>Half-width digits to full-width (１２３), as vertical and formal Japanese text wants them.</summary>
    public static string Zenkaku(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
            builder.Append(c is >= '0' and <= '9' ? (char)('０' + (c - '0')) : c);
        return builder.ToString();
    }

    public static ImageValue Qr(string text, double widthMm)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return ImageValue.Create(png, widthMm, widthMm);
    }

    public static DateOnly ToDate(FluidValue input, TimeZoneInfo zone, string filter)
    {
        switch (input.ToObjectValue())
        {
            case DateTimeOffset moment:
                return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, zone).DateTime);
            case DateTime moment:
                return DateOnly.FromDateTime(moment);
        }
        var text = input.ToStringValue();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            return date;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
            return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(parsed, zone).DateTime);
        throw new FormatException($"{filter}: '{text}' is not a date (write yyyy-MM-dd)");
    }
}
