namespace JcStar.Workflow.Runtime.Documents;

/// <summary>What staff and applicants may upload to a case ("Attachments" section of the settings).</summary>
public sealed class AttachmentOptions
{
    public const string Section = "Attachments";

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>File name endings accepted (PDF, Word, Excel, images, text).</summary>
    public string[] AllowedExtensions { get; set; } = [".pdf", ".docx", ".xlsx", ".doc", ".xls", ".png", ".jpg", ".jpeg", ".txt", ".csv"];
}
