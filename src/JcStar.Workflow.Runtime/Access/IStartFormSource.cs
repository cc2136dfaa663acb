using JcStar.Workflow.Runtime.Forms;

namespace JcStar.Workflow.Runtime.Access;

/// <summary>Where start forms come from (the forms folder); null when there is no such form.</summary>
public interface IStartFormSource
{
    FormSchema? FindStartForm(string formKey);
}
