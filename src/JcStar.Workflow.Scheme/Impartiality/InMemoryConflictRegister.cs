using System.Collections.Concurrent;

namespace JcStar.Workflow.Scheme.Impartiality;

public sealed class InMemoryConflictRegister : IConflictRegister
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<ConflictDeclaration>> byParty = new(StringComparer.Ordinal);

    public IReadOnlyList<ConflictDeclaration> DeclaredBy(string partyId) =>
        byParty.TryGetValue(partyId, out var q) ? [.. q] : [];

    private readonly ConcurrentQueue<ConflictDeclaration> inOrder = new();

    public void Declare(ConflictDeclaration declaration)
    {
        byParty.GetOrAdd(declaration.PartyId, _ => new()).Enqueue(declaration);
        inOrder.Enqueue(declaration);
    }

    public IReadOnlyList<ConflictDeclaration> All() => [.. inOrder];
}
