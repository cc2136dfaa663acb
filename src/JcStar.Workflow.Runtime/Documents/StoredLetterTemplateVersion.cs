namespace JcStar.Workflow.Runtime.Documents;

/// <summary>What <see cref="ILetterTemplateStore.AddAsync"/> did: the version that holds the content, and whether it is new.</summary>
public sealed record StoredLetterTemplateVersion(LetterTemplateVersion Version, bool IsNew);
