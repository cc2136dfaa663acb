using System.Text;

namespace JcStar.Workflow.Documents.Tests;

internal static class TestDocxExtensions
{
    /// <summary>Rewrites a text inside a stored-uncompressed-or-deflated package by rebuilding it entry by entry.</summary>
    public static byte[] Replace(this byte[] docx, string from, string to)
    {
        using var input = new System.IO.Compression.ZipArchive(new MemoryStream(docx));
        using var buffer = new MemoryStream();
        using (var output = new System.IO.Compression.ZipArchive(buffer, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
                var text = reader.ReadToEnd();
                using var writer = new StreamWriter(output.CreateEntry(entry.FullName).Open(), new UTF8Encoding(false));
                writer.Write(text.Replace(from, to));
            }
        }
        return buffer.ToArray();
    }
}
