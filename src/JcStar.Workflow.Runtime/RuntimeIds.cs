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
}
