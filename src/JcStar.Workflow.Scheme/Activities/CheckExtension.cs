using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>
/// scheme.check-extension: is an extension filed in time? JSS-01 3.3 asks for the application before expiry; an
/// operator may allow <see cref="SchemeOptions.ExtensionGraceDays"/> after it. The registry, not the caller, says
/// when the label expires. Outputs <c>extensionAdmissible</c>, the label's <c>expiryDate</c>, and when not admissible
/// <c>reasons</c> for the refusal letter.
/// </summary>
public sealed class CheckExtension(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.check-extension";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        var grace = Scheme.Options.ExtensionGraceDays;
        if (grace < 0)
            throw new ActivityInputException($"{Name}: setting Scheme:ExtensionGraceDays is {grace}; expected 0 or more days");
        var reason = entry.StatusOn(today) switch
        {
            RegistryStatus.Revoked => "適合ラベルが取り消されているため、有効期間を延長することはできません。",
            _ when today > entry.ExpiryDate.AddDays(grace) => grace == 0
                ? "延長の申請は有効期限までに行う必要がありますが、本申請は有効期限を経過した後に行われたため、有効期間を延長することはできません。改めて適合ラベルの取得を希望される場合は、新たに申請してください。"
                : $"延長の申請は有効期限の経過後{grace}日以内に行う必要がありますが、本申請はその期間を経過した後に行われたため、有効期間を延長することはできません。改めて適合ラベルの取得を希望される場合は、新たに申請してください。",
            _ => null,
        };
        var outputs = new ActivityOutputs()
            .Set("extensionAdmissible", reason is null)
            .Date("expiryDate", entry.ExpiryDate)
            .Date("extensionFiledOn", today);
        if (reason is not null)
            outputs.Set("reasons", reason);
        return outputs;
    }
}
