using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Numbering;

/// <summary>Issues application numbers (申請番号) and registration numbers (登録番号) in the formats the settings give.</summary>
public sealed class SchemeNumbers(SchemeOptions options, ISequenceStore sequences)
{
    private readonly NumberFormat applicationFormat = new(options.ApplicationNumberFormat, $"{SchemeOptions.Section}:ApplicationNumberFormat");
    private readonly NumberFormat registrationFormat = new(options.RegistrationNumberFormat, $"{SchemeOptions.Section}:RegistrationNumberFormat");
    private readonly NumberFormat appealFormat = new(options.AppealNumberFormat, $"{SchemeOptions.Section}:AppealNumberFormat");

    public string NextApplicationNumber(DateOnly on, LabelLevel? level = null) =>
        Next("application", applicationFormat, on, level);

    public string NextRegistrationNumber(DateOnly on, LabelLevel level) =>
        Next("registration", registrationFormat, on, level);

    public string NextAppealNumber(DateOnly on) =>
        Next("appeal", appealFormat, on, null);

    private string Next(string kind, NumberFormat format, DateOnly on, LabelLevel? level)
    {
        var scope = kind + "/" + format.SequenceScope(on, level);
        return format.Format(on, level, sequences.Next(scope));
    }
}
