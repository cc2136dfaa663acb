namespace JcStar.Workflow.Benchmarks;

/// <summary>One benchmark area (engine, durable, documents, mail); found by reflection so areas live in their own files.</summary>
public interface IBenchmark
{
    /// <summary>The first command-line argument that selects it.</summary>
    string Name { get; }

    /// <summary>Runs with the remaining arguments; prints one JSON line per measurement on stdout.</summary>
    Task<int> RunAsync(string[] args);
}
