using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// A scenario's preconditions (<c>"given"</c>): labels already in the registry, Evaluation Facilities already
/// known, conflicts of interest already declared. They are applied to the scheme's in-memory stores before
/// the process starts, so procedures that act on an existing label (extension, successor, surveillance,
/// misuse, revocation) and the facility rules of third-party certification can run.
/// </summary>
public sealed record ScenarioGiven
{
    [JsonPropertyName("labels")] public ImmutableArray<GivenLabel> Labels { get; init; } = [];
    [JsonPropertyName("facilities")] public ImmutableArray<GivenFacility> Facilities { get; init; } = [];
    [JsonPropertyName("conflicts")] public ImmutableArray<GivenConflict> Conflicts { get; init; } = [];

    public static ScenarioGiven None { get; } = new();

    public bool IsEmpty => Labels.IsDefaultOrEmpty && Facilities.IsDefaultOrEmpty && Conflicts.IsDefaultOrEmpty;

    private static readonly JsonSerializerOptions Options = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
    };

    /// <summary>Reads the "given" object strictly: unknown keys, missing required fields and wrong types name the place.</summary>
    public static ScenarioGiven Read(JsonElement given, string source)
    {
        if (given.ValueKind != JsonValueKind.Object)
            throw new ScenarioException($"{source}: given: expected an object with labels, facilities, conflicts");
        try
        {
            return given.Deserialize<ScenarioGiven>(Options) ?? None;
        }
        catch (JsonException e)
        {
            var path = (e.Path ?? "").TrimStart('$').TrimStart('.');
            throw new ScenarioException($"{source}: given{(path.Length == 0 ? "" : "." + path)}: {Reason(e)}");
        }
    }

    /// <summary>The serializer's message without .NET type names: what is wrong, in the scenario's terms.</summary>
    private static string Reason(JsonException e)
    {
        var message = e.Message;
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut > 0)
            message = message[..cut];
        if (message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
            return "unknown key (labels hold LabelGrant fields, facilities id, name, status, accreditation, scopeLevels, approvedOn; conflicts partyId, supplierId, productName, kind, detail, declaredOn)";
        var missing = message.IndexOf("missing required properties including: ", StringComparison.Ordinal);
        if (missing >= 0)
            return "missing required keys: " + message[(missing + "missing required properties including: ".Length)..].TrimEnd('.');
        if (message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal))
            return "wrong value (dates are yyyy-MM-dd; levels Star1…Star4; kinds DevelopedProduct, ConsultedApplicant, FinancialInterest, Other; statuses Applied, Approved, Refused, Suspended, Withdrawn)";
        return message;
    }

    /// <summary>
    /// Facilities first (a label of ★3/★4 names its facility), then conflicts, then labels granted on their
    /// dates through the registry's own rules. A label that states its registrationNumber must get exactly it,
    /// so the scenario's variables and the registry agree.
    /// </summary>
    public void ApplyTo(SchemeServices scheme, string source)
    {
        foreach (var f in Facilities)
            scheme.Facilities.Save(f.ToFacility());
        foreach (var c in Conflicts)
            scheme.Conflicts.Declare(c.ToDeclaration());
        foreach (var (label, i) in Labels.Select((l, i) => (l, i)))
        {
            RegistryEntry entry;
            try
            {
                entry = scheme.Registry.Grant(label.ToGrant(scheme));
                if (label.RevokedOn is { } revokedOn)
                    entry = scheme.Registry.Revoke(entry.RegistrationNumber, revokedOn, label.RevocationReason ?? "", label.DecidedBy);
            }
            catch (SchemeRuleViolation v)
            {
                throw new ScenarioException($"{source}: given.labels[{i}]: the registry refuses it ({v.Rule}): {v.Message}");
            }
            catch (FormatException e)
            {
                throw new ScenarioException($"{source}: given.labels[{i}]: {e.Message}");
            }
            if (label.RegistrationNumber is { } expected && expected != entry.RegistrationNumber)
                throw new ScenarioException($"{source}: given.labels[{i}].registrationNumber: the registry issued {entry.RegistrationNumber}, not {expected} (numbers follow Scheme:RegistrationNumberFormat in grant order)");
        }
    }
}

/// <summary>The fields of <see cref="LabelGrant"/>, camelCase, dates as yyyy-MM-dd.</summary>
public sealed record GivenLabel
{
    [JsonPropertyName("registrationNumber")] public string? RegistrationNumber { get; init; }
    [JsonPropertyName("applicationNumber")] public required string ApplicationNumber { get; init; }
    [JsonPropertyName("level")] public required string Level { get; init; }
    [JsonPropertyName("supplierId")] public required string SupplierId { get; init; }
    [JsonPropertyName("supplierName")] public required string SupplierName { get; init; }
    [JsonPropertyName("productName")] public required string ProductName { get; init; }
    [JsonPropertyName("modelNumbers")] public required ImmutableArray<string> ModelNumbers { get; init; }
    [JsonPropertyName("grantDate")] public required DateOnly GrantDate { get; init; }
    [JsonPropertyName("issueDate")] public DateOnly? IssueDate { get; init; }
    [JsonPropertyName("validityMonths")] public int? ValidityMonths { get; init; }
    [JsonPropertyName("preferredPublicationDate")] public DateOnly? PreferredPublicationDate { get; init; }
    [JsonPropertyName("publishedFields")] public ImmutableArray<PublicationField> PublishedFields { get; init; } = [];
    [JsonPropertyName("evaluationFacilityId")] public string? EvaluationFacilityId { get; init; }
    [JsonPropertyName("evaluationFacilityName")] public string? EvaluationFacilityName { get; init; }
    [JsonPropertyName("supportPeriod")] public string? SupportPeriod { get; init; }
    [JsonPropertyName("vulnerabilityContact")] public string? VulnerabilityContact { get; init; }
    [JsonPropertyName("confidentialNotes")] public string? ConfidentialNotes { get; init; }
    [JsonPropertyName("decidedBy")] public string? DecidedBy { get; init; }

    /// <summary>A label already revoked before the scenario starts (with its reasons).</summary>
    [JsonPropertyName("revokedOn")] public DateOnly? RevokedOn { get; init; }
    [JsonPropertyName("revocationReason")] public string? RevocationReason { get; init; }

    public LabelGrant ToGrant(SchemeServices scheme) => new()
    {
        ApplicationNumber = ApplicationNumber,
        Level = LabelLevels.Parse(Level),
        SupplierId = SupplierId,
        SupplierName = SupplierName,
        ProductName = ProductName,
        ModelNumbers = ModelNumbers.IsDefault ? [] : ModelNumbers,
        GrantDate = GrantDate,
        IssueDate = IssueDate,
        ValidityMonths = ValidityMonths,
        PreferredPublicationDate = PreferredPublicationDate,
        PublishedFields = PublishedFields.IsDefault ? [] : [.. PublishedFields],
        EvaluationFacilityId = EvaluationFacilityId,
        EvaluationFacilityName = EvaluationFacilityName ?? (EvaluationFacilityId is { } id ? scheme.Facilities.Find(id)?.Name ?? id : null),
        SupportPeriod = SupportPeriod,
        VulnerabilityContact = VulnerabilityContact,
        ConfidentialNotes = ConfidentialNotes,
        DecidedBy = DecidedBy,
    };
}

/// <summary>An Evaluation Facility as the facility store holds it.</summary>
public sealed record GivenFacility
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("name")] public required string Name { get; init; }
    [JsonPropertyName("status")] public FacilityApprovalStatus Status { get; init; } = FacilityApprovalStatus.Approved;
    [JsonPropertyName("accreditation")] public required GivenAccreditation Accreditation { get; init; }
    [JsonPropertyName("scopeLevels")] public ImmutableArray<LabelLevel> ScopeLevels { get; init; } = [LabelLevel.Star3, LabelLevel.Star4];
    [JsonPropertyName("approvedOn")] public DateOnly? ApprovedOn { get; init; }

    public EvaluationFacility ToFacility() => new()
    {
        Id = Id,
        Name = Name,
        Status = Status,
        Accreditation = new Accreditation(Accreditation.Body, Accreditation.CertificateNumber, Accreditation.ValidUntil, Accreditation.Pending),
        ScopeLevels = ScopeLevels.IsDefaultOrEmpty ? [LabelLevel.Star3, LabelLevel.Star4] : [.. ScopeLevels],
        ApprovedOn = ApprovedOn,
    };
}

public sealed record GivenAccreditation
{
    [JsonPropertyName("body")] public required string Body { get; init; }
    [JsonPropertyName("certificateNumber")] public string? CertificateNumber { get; init; }
    [JsonPropertyName("validUntil")] public DateOnly? ValidUntil { get; init; }
    [JsonPropertyName("pending")] public bool Pending { get; init; }
}

/// <summary>A declared conflict of interest (JSS-01 6.2) of a facility id or a staff member's user id.</summary>
public sealed record GivenConflict
{
    [JsonPropertyName("partyId")] public required string PartyId { get; init; }
    [JsonPropertyName("supplierId")] public required string SupplierId { get; init; }
    [JsonPropertyName("productName")] public string? ProductName { get; init; }
    [JsonPropertyName("kind")] public required ConflictKind Kind { get; init; }
    [JsonPropertyName("detail")] public required string Detail { get; init; }
    [JsonPropertyName("declaredOn")] public required DateOnly DeclaredOn { get; init; }

    public ConflictDeclaration ToDeclaration() => new(PartyId, SupplierId, ProductName, Kind, Detail, DeclaredOn);
}
