using JcStar.Workflow.Scheme.Labels;

namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>What a case is about, as far as impartiality is concerned.</summary>
public sealed record CaseSubject(string CaseNumber, LabelLevel Level, string SupplierId, string ProductName);
