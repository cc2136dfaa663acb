using System.Collections.Immutable;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>The forms stored with a definition version: written when the version is published, never changed after.</summary>
public interface IDefinitionFormStore
{
    /// <summary>Form key to form-js JSON; empty for a version published before forms were stored (or one that names none).</summary>
    Task<ImmutableDictionary<string, string>> ListAsync(string definitionId, CancellationToken cancellationToken);

    /// <summary>Stores the forms a version has not yet got; a key it already has keeps its stored text (two nodes deploying the same files both succeed).</summary>
    Task AddAsync(string definitionId, IReadOnlyDictionary<string, string> forms, CancellationToken cancellationToken);
}
