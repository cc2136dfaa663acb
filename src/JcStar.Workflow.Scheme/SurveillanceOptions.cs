namespace JcStar.Workflow.Scheme;

/// <summary>
/// When scheduled surveillance (JSS-01 5.1) runs and which labels it samples, from "Scheme:Surveillance". All
/// assumed: JSM-01/02, which would fix them, are not public.
/// </summary>
public sealed record SurveillanceOptions
{
    /// <summary>Months between two sampling rounds (3: quarterly).</summary>
    public int CycleMonths { get; init; } = 3;

    /// <summary>Labels sampled each round (at most; fewer when fewer are eligible).</summary>
    public int SampleSize { get; init; } = 5;

    /// <summary>Levels sampled; empty samples every level.</summary>
    public string[] Levels { get; init; } = ["Star1", "Star2", "Star3", "Star4"];

    /// <summary>A label is sampled only once it has been valid this many months (its registrant has had time to use it).</summary>
    public int MinMonthsSinceIssue { get; init; } = 3;
}
