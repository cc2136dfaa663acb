using MimeKit;

namespace JcStar.Workflow.Simulation;

/// <summary>
/// The letters and mails of a run read back from its output folder, for a host that shows them rather than
/// leaving files (the procedure pages): Word bytes as rendered, mail as the recipient would read it.
/// </summary>
public static class SimulationOutput
{
    public static async Task<IReadOnlyList<SimulatedLetter>> LettersAsync(SimulationReport report, CancellationToken ct)
    {
        var letters = new List<SimulatedLetter>();
        foreach (var document in report.Documents)
        {
            if (document.Path is { } path)
                letters.Add(new SimulatedLetter(document.Template, Path.GetFileName(path), await File.ReadAllBytesAsync(path, ct), document.TemplateVersion));
        }
        return letters;
    }

    public static async Task<IReadOnlyList<SimulatedMail>> MailsAsync(SimulationReport report, CancellationToken ct)
    {
        var mails = new List<SimulatedMail>();
        foreach (var mail in report.Mails)
        {
            if (mail.Path is not { } path)
                continue;
            using var message = await MimeMessage.LoadAsync(path, ct);
            var attachments = message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "").Where(n => n.Length > 0).ToList();
            mails.Add(new SimulatedMail(mail.Element, mail.Template, mail.To, message.Subject ?? mail.Subject, message.TextBody ?? message.HtmlBody ?? "", attachments));
        }
        return mails;
    }
}
