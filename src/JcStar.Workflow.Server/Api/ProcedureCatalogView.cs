namespace JcStar.Workflow.Server.Api;

/// <summary>
/// What the modeler's jc: properties offer to choose from: the server's registered activities, the candidate groups the
/// roles give, the forms, the letter (Word) templates and the mail templates.
/// </summary>
public sealed record ProcedureCatalogView(
    IReadOnlyList<string> Activities,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> Roles,
    IReadOnlyList<string> Forms,
    IReadOnlyList<string> LetterTemplates,
    IReadOnlyList<string> MailTemplates);
