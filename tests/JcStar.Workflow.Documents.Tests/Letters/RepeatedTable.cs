namespace JcStar.Workflow.Documents.Tests.Letters;

/// <summary>A table with a heading row and one body row repeated by {% for Item in List %}.</summary>
internal sealed record RepeatedTable(string Caption, string Item, string List, (string Heading, string Cell)[] Columns);
