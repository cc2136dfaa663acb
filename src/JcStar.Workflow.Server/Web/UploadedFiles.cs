namespace JcStar.Workflow.Server.Web;

/// <summary>Reading an uploaded file for a check that refuses files over a limit.</summary>
public static class UploadedFiles
{
    /// <summary>
    /// The file's bytes, read at most one byte past <paramref name="limit"/>: a larger file is refused by the check
    /// (which sees it is over) without being held whole.
    /// </summary>
    public static async Task<byte[]> ReadUpToAsync(IFormFile file, long limit, CancellationToken ct = default)
    {
        using var buffer = new MemoryStream();
        await using var stream = file.OpenReadStream();
        var chunk = new byte[81920];
        int read;
        while (buffer.Length <= limit && (read = await stream.ReadAsync(chunk, ct)) > 0)
            buffer.Write(chunk, 0, read);
        return buffer.ToArray();
    }
}
