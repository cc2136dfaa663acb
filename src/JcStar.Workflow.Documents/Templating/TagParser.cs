using Fluid;
using Fluid.Ast;
using Fluid.Parser;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>Turns the text of one tag into its kind and Fluid expression; Liquid is parsed here once per template, never per render.</summary>
internal sealed class TagParser(FluidParser parser)
{
    public (TagKind Kind, string? Error) Parse(string text, out Expression? expression, out ForStatement? loop)
    {
        expression = null;
        loop = null;
        if (text.StartsWith("{{", StringComparison.Ordinal))
        {
            if (text[2..^2].Trim().Trim('-').Trim().Length == 0)
                return (TagKind.Output, "the tag is empty");
            var output = ParseSingle<OutputStatement>(text, out var error);
            expression = output?.Expression;
            return (TagKind.Output, error);
        }

        var inner = text[2..^2].Trim().Trim('-').Trim();
        var space = inner.IndexOfAny([' ', '\t', '\u3000']);
        var keyword = space < 0 ? inner : inner[..space];
        var rest = space < 0 ? "" : inner[(space + 1)..].Trim();
        switch (keyword)
        {
            case "if":
            case "elsif":
            {
                var statement = ParseSingle<IfStatement>($"{{% if {rest} %}}{{% endif %}}", out var error);
                expression = statement?.Condition;
                return (keyword == "if" ? TagKind.If : TagKind.Elsif, rest.Length == 0 ? "the condition is missing" : error);
            }
            case "unless":
            {
                var statement = ParseSingle<UnlessStatement>($"{{% unless {rest} %}}{{% endunless %}}", out var error);
                expression = statement?.Condition;
                return (TagKind.Unless, rest.Length == 0 ? "the condition is missing" : error);
            }
            case "for":
            {
                loop = ParseSingle<ForStatement>($"{{% for {rest} %}}{{% endfor %}}", out var error);
                return (TagKind.For, error);
            }
            case "else": return (TagKind.Else, Extra(rest));
            case "endif": return (TagKind.EndIf, Extra(rest));
            case "endunless": return (TagKind.EndUnless, Extra(rest));
            case "endfor": return (TagKind.EndFor, Extra(rest));
            default:
                return (TagKind.Output, $"unknown or unsupported tag '{keyword}'; letters may use {{{{ value }}}}, if/elsif/else/endif, unless/endunless and for/endfor");
        }
    }

    private static string? Extra(string rest) => rest.Length == 0 ? null : $"unexpected text '{rest}' after the keyword";

    private T? ParseSingle<T>(string source, out string? error) where T : Statement
    {
        if (!parser.TryParse(source, out var template, out var message))
        {
            error = "malformed tag: " + message.Split('\n')[0].Trim();
            return null;
        }
        var statements = ((FluidTemplate)template).Statements;
        if (statements.Count == 1 && statements[0] is T statement)
        {
            error = null;
            return statement;
        }
        error = "malformed tag";
        return null;
    }
}
