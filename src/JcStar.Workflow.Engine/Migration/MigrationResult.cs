using System.Collections.Immutable;

namespace JcStar.Workflow.Engine;

/// <summary>
/// The instance moved to the target definitions (<see cref="State"/>), with what the host must apply:
/// elements renamed (<see cref="Moved"/>) and timers and subscriptions cancelled or armed (<see cref="Effects"/>:
/// <see cref="TimerCancelled"/>, <see cref="TimerScheduled"/>, subscription opened/closed). When
/// <see cref="Errors"/> is not empty nothing moved and <see cref="State"/> is null.
/// </summary>
public sealed record MigrationResult(
    InstanceState? State,
    ImmutableArray<MigratedElement> Moved,
    ImmutableArray<EngineEffect> Effects,
    ImmutableArray<string> Errors)
{
    public bool Succeeded => Errors.IsEmpty;

    public static MigrationResult Failed(IEnumerable<string> errors) => new(null, [], [], [.. errors]);
}
