using System.Collections.Concurrent;

namespace JcStar.Workflow.Runtime.Forms;

/// <summary>
/// The file-system adapter of <see cref="IFormSource"/>: the forms of a folder (<c>workflows/forms/&lt;formKey&gt;.form</c>).
/// A file is re-read when it changes; a changed file reaches cases when the procedure is next deployed or published
/// (the form is then stored with the new version), except for versions published before forms were stored, which read it here.
/// </summary>
public sealed class FormFolder(string folder) : IFormSource
{
    private readonly ConcurrentDictionary<string, (DateTime Written, FormDocument Form)> cache = new(StringComparer.Ordinal);

    public string Folder { get; } = Path.GetFullPath(folder);

    /// <returns>null when no form has that key.</returns>
    /// <exception cref="FormatException">The form file is broken.</exception>
    public FormDocument? Find(string formKey)
    {
        if (!IsKey(formKey))
            return null;
        var path = Path.Combine(Folder, formKey + ".form");
        if (!File.Exists(path))
            return null;
        var written = File.GetLastWriteTimeUtc(path);
        if (cache.TryGetValue(formKey, out var cached) && cached.Written == written)
            return cached.Form;
        var form = FormDocument.Read(formKey, File.ReadAllText(path), path);
        cache[formKey] = (written, form);
        return form;
    }

    public IReadOnlyList<string> Keys() => Directory.Exists(Folder)
        ? [.. Directory.EnumerateFiles(Folder, "*.form").Select(Path.GetFileNameWithoutExtension).OfType<string>().Where(IsKey).Order(StringComparer.Ordinal)]
        : [];

    /// <summary>A key names a file of the folder and nothing outside it.</summary>
    public static bool IsKey(string formKey) =>
        formKey.Length is > 0 and <= 200 && formKey.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') && !formKey.Contains("..");
}
