namespace JcStar.Workflow.Runtime;

/// <summary>1-based page number and a size capped at <see cref="MaxSize"/> so no query reads a whole table.</summary>
public sealed record PageRequest(int Number = 1, int Size = 50)
{
    public const int MaxSize = 500;

    public int Skip => (Math.Max(Number, 1) - 1) * Take;

    public int Take => Math.Clamp(Size, 1, MaxSize);

    public Page<T> ToPage<T>(IReadOnlyList<T> fetchedOneExtra) =>
        new(fetchedOneExtra.Take(Take).ToList(), Math.Max(Number, 1), Take, fetchedOneExtra.Count > Take);
}
