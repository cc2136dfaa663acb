namespace JcStar.Workflow.Scheme.Impartiality;

public interface IConflictRegister
{
    IReadOnlyList<ConflictDeclaration> DeclaredBy(string partyId);
    void Declare(ConflictDeclaration declaration);
}
