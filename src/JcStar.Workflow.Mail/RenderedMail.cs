namespace JcStar.Workflow.Mail;

/// <summary>A template filled with a case's data: one subject line, a text body, and an HTML body when the template has one.</summary>
public sealed record RenderedMail(string Subject, string TextBody, string? HtmlBody);
