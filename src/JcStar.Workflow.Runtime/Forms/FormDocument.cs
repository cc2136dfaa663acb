namespace JcStar.Workflow.Runtime.Forms;

/// <summary>A form as written (the form-js schema, shown by the browser's form-js) and as the server enforces it (<see cref="Schema"/>, read from the same text).</summary>
public sealed record FormDocument(string Key, string Json, FormSchema Schema)
{
    /// <exception cref="FormatException">The text is not a form-js form; the message names <paramref name="source"/> and the component.</exception>
    public static FormDocument Read(string key, string json, string source) => new(key, json, FormSchemaReader.Read(json, source));
}
