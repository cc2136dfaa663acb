namespace JcStar.Workflow.Runtime;

/// <summary>
/// Row ids. The engine's task, timer, job and subscription ids are only promised unique within one
/// instance, so a row id prefixes the instance id; it stays deterministic, which keeps job ids usable
/// as idempotency keys.
/// </summary>
public static class RuntimeIds
{
    public static string Scoped(string instanceId, string engineId) => $"{instanceId}.{engineId}";

    public static string NewInstanceId(TimeProvider time) => Guid.CreateVersion7(time.GetUtcNow()).ToString("N");

    /// <summary>
    /// The instance a start-event timer's occurrence starts: derived from the timer's row id, so two nodes
    /// firing the same occurrence insert the same instance and the second insert fails instead of starting a twin.
    /// </summary>
    public static string StartedByTimer(string timerId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("start-timer\n" + timerId)).AsSpan(0, 16));

    /// <summary>
    /// The instance a message or signal thrown by a process starts in <paramref name="definitionId"/>: derived
    /// from the throw job's id, so the job delivered again after a crash does not start a twin.
    /// </summary>
    public static string StartedByDelivery(string throwJobId, string definitionId) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("start-delivery\n" + throwJobId + "\n" + definitionId)).AsSpan(0, 16));

    /// <summary>
    /// The row id of occurrence <paramref name="occurrence"/> (from 0) of a process-level timer start event's timer
    /// <paramref name="timer"/> (from 0, in document order among the event's timer definitions). The first timer's id
    /// names no timer, as before an event could hold several, so rows armed then stay valid; a later one's adds
    /// "#{timer}" to the element id, which an element id (an XML NCName) cannot contain.
    /// </summary>
    public static string StartTimer(string definitionId, string elementId, int occurrence, int timer = 0) =>
        timer == 0 ? $"start:{definitionId}:{elementId}:{occurrence}" : $"start:{definitionId}:{elementId}#{timer}:{occurrence}";
}
