using System.Collections.Concurrent;
using JcStar.Workflow.Runtime.Access;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// The forms of a folder (<c>workflows/forms/&lt;formKey&gt;.form</c>). A file is re-read when it changes, so
/// a form staff edit applies to the next completion without a restart.
/// </summary>
public sealed class FormFolder(string folder) : IStartFormSource
{
    private readonly ConcurrentDictionary<string, (DateTime Written, FormSchema Schema)> cache = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.GetFullPath(folder);

    public FormSchema? FindStartForm(string formKey) => Find(formKey);

    /// <returns>null when no form has that key.</returns>
    /// <exception cref="FormatException">The form file is broken.</exception>
    public FormSchema? Find(string formKey)
    {
        if (formKey.Length == 0 || formKey.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')) || formKey.Contains(".."))
            return null;
        var path = Path.Combine(Folder, formKey + ".form");
        if (!File.Exists(path))
            return null;
        var written = File.GetLastWriteTimeUtc(path);
        if (cache.TryGetValue(formKey, out var cached) && cached.Written == written)
            return cached.Schema;
        var schema = FormSchemaReader.Read(File.ReadAllText(path), path);
        cache[formKey] = (written, schema);
        return schema;
    }
}
