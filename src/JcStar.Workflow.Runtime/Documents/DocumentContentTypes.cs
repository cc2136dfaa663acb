namespace JcStar.Workflow.Runtime.Documents;

public static class DocumentContentTypes
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Pdf = "application/pdf";
}
