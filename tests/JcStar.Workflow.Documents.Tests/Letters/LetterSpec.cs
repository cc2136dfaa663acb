namespace JcStar.Workflow.Documents.Tests.Letters;

/// <summary>
/// One official letter of the scheme. Paragraph strings may hold Liquid tags; a string that is only a
/// block tag becomes a paragraph that disappears when rendered.
/// </summary>
/// <param name="Name">File name under templates/ without .docx.</param>
/// <param name="Reference">Case number shown top right (tag).</param>
/// <param name="Addressee">Organization line and person line of the addressee (tags).</param>
/// <param name="Sender">The issuing body under IPA's name (tag).</param>
/// <param name="Title">Japanese title, centred.</param>
/// <param name="English">English title under it.</param>
/// <param name="Intro">Paragraphs before 記.</param>
/// <param name="Fields">Label/value rows of the 記 table; a value may hold tags.</param>
/// <param name="Table">Optional table whose body row repeats per item.</param>
/// <param name="After">Paragraphs after the tables.</param>
/// <param name="Example">Example data beyond the common letter fields.</param>
internal sealed record LetterSpec(
    string Name,
    string Reference,
    (string Organization, string Person) Addressee,
    string Sender,
    string Title,
    string English,
    string[] Intro,
    (string Label, string Value)[] Fields,
    RepeatedTable? Table,
    string[] After,
    Dictionary<string, object?> Example);
