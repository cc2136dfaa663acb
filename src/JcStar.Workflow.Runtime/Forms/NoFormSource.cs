namespace JcStar.Workflow.Runtime.Forms;

/// <summary>A host without a forms folder: only the forms stored with definition versions exist.</summary>
public sealed class NoFormSource : IFormSource
{
    public FormDocument? Find(string formKey) => null;

    public IReadOnlyList<string> Keys() => [];
}
