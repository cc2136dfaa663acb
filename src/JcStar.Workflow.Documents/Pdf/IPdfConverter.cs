namespace JcStar.Workflow.Documents.Pdf;

/// <summary>Turns a .docx into a PDF.</summary>
public interface IPdfConverter
{
    Task<byte[]> ConvertAsync(byte[] docx, CancellationToken cancellationToken = default);
}
