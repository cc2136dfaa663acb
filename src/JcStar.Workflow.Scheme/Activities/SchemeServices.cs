using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Facilities;
using JcStar.Workflow.Scheme.Impartiality;
using JcStar.Workflow.Scheme.Labels;
using JcStar.Workflow.Scheme.Numbering;

namespace JcStar.Workflow.Scheme;

/// <summary>The scheme's rules and stores together, as the activities use them.</summary>
public sealed class SchemeServices
{
    private readonly TimeZoneInfo zone;

    public SchemeServices(
        SchemeOptions options,
        IRegistryStore registry,
        ISequenceStore sequences,
        IFacilityStore facilities,
        IConflictRegister conflicts,
        IActivityLedger ledger)
    {
        Options = options;
        Numbers = new SchemeNumbers(options, sequences);
        Registry = new LabelRegistry(options, registry, Numbers);
        RegistryStore = registry;
        Facilities = facilities;
        Conflicts = conflicts;
        Impartiality = new ImpartialityRules(facilities, conflicts);
        Calendar = new BusinessCalendar(options.Holidays);
        Ledger = ledger;
        zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
    }

    /// <summary>Everything in memory: for simulation and tests.</summary>
    public static SchemeServices InMemory(SchemeOptions? options = null) =>
        new(options ?? new SchemeOptions(), new InMemoryRegistryStore(), new InMemorySequenceStore(),
            new InMemoryFacilityStore(), new InMemoryConflictRegister(), new InMemoryActivityLedger());

    public SchemeOptions Options { get; }
    public SchemeNumbers Numbers { get; }
    public LabelRegistry Registry { get; }
    public IRegistryStore RegistryStore { get; }
    public IFacilityStore Facilities { get; }
    public IConflictRegister Conflicts { get; }
    public ImpartialityRules Impartiality { get; }
    public BusinessCalendar Calendar { get; }
    public IActivityLedger Ledger { get; }

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);

    /// <summary>The start of <paramref name="day"/> in the scheme's zone, for timers that fire on a date.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
