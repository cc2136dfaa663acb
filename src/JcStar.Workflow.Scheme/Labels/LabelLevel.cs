namespace JcStar.Workflow.Scheme.Labels;

/// <summary>★1 to ★4. ★1 and ★2 by self-declaration to the Label-issuing Body; ★3 and ★4 by third-party evaluation and certification.</summary>
public enum LabelLevel
{
    Star1 = 1,
    Star2 = 2,
    Star3 = 3,
    Star4 = 4,
}
