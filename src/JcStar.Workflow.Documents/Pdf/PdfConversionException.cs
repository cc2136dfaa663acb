namespace JcStar.Workflow.Documents.Pdf;

/// <summary>A PDF could not be made: LibreOffice absent, crashed, timed out or refused the document.</summary>
public sealed class PdfConversionException(string message, Exception? inner = null) : Exception(message, inner);
