using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>The default where no forms folder is wired: a start event that names a form cannot be started from outside.</summary>
public sealed class NoStartForms : IStartFormSource
{
    public FormSchema? FindStartForm(string formKey) => null;
}
