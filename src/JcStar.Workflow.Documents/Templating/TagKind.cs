namespace JcStar.Workflow.Documents.Templating;

internal enum TagKind
{
    Output,
    If,
    Elsif,
    Else,
    EndIf,
    Unless,
    EndUnless,
    For,
    EndFor,
}
