namespace JcStar.Workflow.Scheme.Impartiality;

public interface IConflictRegister
{
    IReadOnlyList<ConflictDeclaration> DeclaredBy(string partyId);
    void Declare(ConflictDeclaration declaration);

    /// <summary>Every declaration of every party, in the order declared (the register an assessor asks for).</summary>
    IReadOnlyList<ConflictDeclaration> All();
}
