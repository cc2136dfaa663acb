using System.Security.Cryptography;
using System.Text;
using MimeKit;

namespace JcStar.Workflow.Mail;

/// <summary>
/// The embedded default when no SMTP host is configured: each message becomes an .eml file staff can open.
/// The file name is fixed by the message's Date and Message-Id, so a repeated attempt overwrites
/// its own file instead of leaving a second copy.
/// </summary>
public sealed class EmlFileMailTransport(string folder) : IMailTransport, IMailTransportSession
{
    public bool IsUsable => true;

    public Task<IMailTransportSession> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        return Task.FromResult<IMailTransportSession>(this);
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var path = Path.Combine(folder, FileNameFor(message));
        var partial = path + ".partial";
        // Written aside and renamed so a reader never opens half a message.
        await using (var stream = File.Create(partial))
            await message.WriteToAsync(FormatOptions.Default, stream, cancellationToken);
        File.Move(partial, path, overwrite: true);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>yyyyMMdd-HHmmss of the Date header, then a hash of the Message-Id: sortable, and safe on every file system.</summary>
    public static string FileNameFor(MimeMessage message)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(message.MessageId ?? ""));
        return $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexStringLower(hash.AsSpan(0, 8))}.eml";
    }
}
