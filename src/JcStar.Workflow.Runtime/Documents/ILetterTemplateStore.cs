namespace JcStar.Workflow.Runtime.Documents;

/// <summary>Keeps every version of every letter template. Adapters: in memory (here), EF (Persistence).</summary>
public interface ILetterTemplateStore
{
    /// <summary>
    /// Stores the content as version latest+1 of its name, unless <see cref="NewLetterTemplateVersion.FromFolder"/>
    /// finds it already stored (see there) or the latest version already has it; then returns that version and stores nothing.
    /// Two adds racing for one number: one gets it, the other the next.
    /// </summary>
    Task<StoredLetterTemplateVersion> AddAsync(NewLetterTemplateVersion version, CancellationToken cancellationToken = default);

    /// <summary>A version (the latest when <paramref name="version"/> is null) with its Word file, or null when there is none.</summary>
    Task<(LetterTemplateVersion Version, byte[] Content)?> OpenAsync(string name, int? version = null, CancellationToken cancellationToken = default);

    /// <summary>Every version of every template (without content), by name, then newest first.</summary>
    Task<IReadOnlyList<LetterTemplateVersion>> ListAsync(CancellationToken cancellationToken = default);
}
