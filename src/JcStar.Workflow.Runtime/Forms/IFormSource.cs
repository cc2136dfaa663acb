namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// Where the forms a deployment takes come from (the files shipped in <c>workflows/forms</c>). Cases never read
/// it directly: they see the form stored with their definition version (<see cref="DefinitionForms"/>), and this
/// source only for versions published before forms were stored with them.
/// </summary>
public interface IFormSource
{
    /// <returns>null when no form has that key.</returns>
    /// <exception cref="FormatException">The form is broken (the message names where and which component).</exception>
    FormDocument? Find(string formKey);

    /// <summary>Every form's key, in ordinal order.</summary>
    IReadOnlyList<string> Keys();
}
