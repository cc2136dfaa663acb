using JcStar.Workflow.Runtime;
using JcStar.Workflow.Scheme.Activities;
using JcStar.Workflow.Scheme.Calendar;
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
        IActivityLedger ledger,
        BusinessCalendar? calendar = null)
    {
        Options = options;
        Numbers = new SchemeNumbers(options, sequences);
        Sequences = sequences;
        Registry = new LabelRegistry(options, registry, Numbers);
        RegistryStore = registry;
        Facilities = facilities;
        Conflicts = conflicts;
        Impartiality = new ImpartialityRules(facilities, conflicts);
        Calendar = calendar ?? BusinessCalendar.Load(options.Calendar with { ClosedDays = [.. options.Calendar.ClosedDays, .. options.Holidays] });
        Ledger = ledger;
        zone = TimeZones.Find(options.TimeZone);
    }

    /// <summary>Everything in memory: for simulation and tests.</summary>
    public static SchemeServices InMemory(SchemeOptions? options = null, BusinessCalendar? calendar = null) =>
        new(options ?? new SchemeOptions(), new InMemoryRegistryStore(), new InMemorySequenceStore(),
            new InMemoryFacilityStore(), new InMemoryConflictRegister(), new InMemoryActivityLedger(), calendar);

    public SchemeOptions Options { get; }
    public SchemeNumbers Numbers { get; }
    public ISequenceStore Sequences { get; }
    public LabelRegistry Registry { get; }
    public IRegistryStore RegistryStore { get; }
    public IFacilityStore Facilities { get; }
    public IConflictRegister Conflicts { get; }
    public ImpartialityRules Impartiality { get; }
    public BusinessCalendar Calendar { get; }
    public IActivityLedger Ledger { get; }

    public DateOnly Today(DateTimeOffset now) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).Date);

    /// <summary>A deadline of <paramref name="days"/> days from <paramref name="from"/>, moved off closed days.</summary>
    public DateOnly Deadline(DateOnly from, int days) => Calendar.Deadline(from, days);

    /// <summary>The moment a deadline day ends (the start of the next day in the scheme's zone), for due dates and timers, as ISO 8601.</summary>
    public string EndOf(DateOnly day) => StartOf(day.AddDays(1)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The start of <paramref name="day"/> in the scheme's zone, for timers that fire on a date.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
