using JcStar.Workflow.Scheme.Activities;

namespace JcStar.Workflow.Scheme.Letters;

/// <summary>
/// The addressee block of a letter by the kind of addressee: a company (<c>kind</c> "company", the default) is
/// addressed 御中 or through its representative with 殿 as the settings say; a person (<c>kind</c> "person") by name
/// with 様 or 殿; <see cref="You"/> is how the body refers to the addressee (貴社, 貴機関, 貴殿).
/// </summary>
public sealed record Addressee(string Line1, string Line2, string You)
{
    public static Addressee For(ActivityInputs inputs, string party, LetterOptions options)
    {
        var name = inputs.String(party + ".name");
        var kind = inputs.OptionalString(party + ".kind") ?? (party == "appellant" && inputs.OptionalString(party + ".representative") is null ? "person" : "company");
        var organizationWord = party == "facility" ? "貴機関" : "貴社";
        switch (kind)
        {
            case "person":
                return new(name + "　" + options.PersonHonorific, "", "貴殿");
            case "company":
                var representative = inputs.OptionalString(party + ".representative") ?? inputs.OptionalString(party + ".contactName");
                return options.CompanyAddressing switch
                {
                    "Company" => new(name + "　御中", "", organizationWord),
                    "Representative" when representative is not null => new(name, representative + "　殿", organizationWord),
                    "Representative" => new(name + "　御中", "", organizationWord),
                    _ => throw new ActivityInputException($"setting Scheme:Letters:CompanyAddressing is '{options.CompanyAddressing}'; expected Company or Representative"),
                };
            default:
                throw new ActivityInputException($"document.render: input '{party}.kind' is '{kind}'; expected company or person");
        }
    }
}
