namespace JcStar.Workflow.Scheme.Impartiality;

/// <summary>The prohibited relations of JSS-01 6.2.</summary>
public enum ConflictKind
{
    /// <summary>6.2 b): developed the product under evaluation.</summary>
    DevelopedProduct,
    /// <summary>6.2 c): provided consulting services to the applicant.</summary>
    ConsultedApplicant,
    /// <summary>6.2 a): a profit that may affect the result.</summary>
    FinancialInterest,
    Other,
}
