using System.Collections.Immutable;
using JcStar.Workflow.Scheme.Maintenance;
using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Activities;

/// <summary>scheme.check-successor: checks the (assumed) successor conditions and lists every unmet one.</summary>
public sealed class CheckSuccessor(SchemeServices scheme) : SchemeActivity(scheme)
{
    public override string Name => "scheme.check-successor";

    protected override ActivityOutputs Execute(ActivityInputs inputs, DateOnly today, ActivityContext context)
    {
        var number = inputs.String("registrationNumber");
        var entry = Scheme.RegistryStore.Find(number) ?? throw new ActivityInputException($"{Name}: registration number {number} is not in the registry");
        var declaration = new SuccessorDeclaration(
            inputs.String("successor.name"),
            inputs.Strings("successor.modelNumbers"),
            inputs.OptionalString("successor.differences") ?? "",
            inputs.Bool("successor.sameSupplier", true),
            inputs.Bool("successor.securityFunctionsChanged"),
            inputs.Bool("successor.hardwarePlatformChanged"));
        var unmet = SuccessorConditions.Unmet(entry, declaration, today);
        return new ActivityOutputs()
            .Set("successorConditionsMet", unmet.Count == 0)
            .Set("unmetConditions", unmet.ToImmutableArray());
    }
}
