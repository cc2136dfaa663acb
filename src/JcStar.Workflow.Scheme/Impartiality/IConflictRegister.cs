namespace JcStar.Workflow.Scheme.Impartiality;

public interface IConflictRegister
{
    IReadOnlyList<ConflictDeclaration> DeclaredBy(string partyId);

    /// <summary>The declarations of any of the parties (a person and their facility), read together and without blocking: every staff page asks.</summary>
    Task<IReadOnlyList<ConflictDeclaration>> DeclaredByAnyAsync(IReadOnlyList<string> partyIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<ConflictDeclaration>>([.. partyIds.Distinct(StringComparer.Ordinal).SelectMany(DeclaredBy)]);
    void Declare(ConflictDeclaration declaration);

    /// <summary>Every declaration of every party, in the order declared (the register an assessor asks for).</summary>
    IReadOnlyList<ConflictDeclaration> All();
}
