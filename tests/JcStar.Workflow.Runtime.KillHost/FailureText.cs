namespace JcStar.Workflow.Runtime.KillHost;

/// <summary>
/// A node's failure as its report says it: the exception, and the one at its root when it wraps another (EF wraps a
/// transient database error, such as PostgreSQL's "too many clients", in a message that names no cause).
/// </summary>
internal static class FailureText
{
    public static string Of(Exception e)
    {
        var root = e.GetBaseException();
        return ReferenceEquals(root, e)
            ? $"{e.GetType().FullName}: {e.Message}"
            : $"{e.GetType().FullName}: {e.Message} <- {root.GetType().FullName}: {root.Message}";
    }
}
