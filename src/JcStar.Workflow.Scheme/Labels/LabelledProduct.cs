using System.Collections.Immutable;

namespace JcStar.Workflow.Scheme.Labels;

/// <summary>A product and the model numbers one label covers; a successor product is added under maintenance.</summary>
public sealed record LabelledProduct(string Name, ImmutableArray<string> ModelNumbers, DateOnly AddedOn, string? SuccessorOf = null);
