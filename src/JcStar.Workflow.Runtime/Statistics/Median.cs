namespace JcStar.Workflow.Runtime.Statistics;

public static class Median
{
    public static TimeSpan? Of(IReadOnlyList<TimeSpan> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToList();
        var middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
