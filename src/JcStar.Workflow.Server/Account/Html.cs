using System.Net;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;

namespace JcStar.Workflow.Server.Account;

/// <summary>
/// The account pages' markup: one layout, every value HTML-encoded, an anti-forgery token in every form, no
/// script. The staff workspace replaces these with its own pages; the addresses and accessible names stay.
/// </summary>
public static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static IResult Page(string title, string body, int status = StatusCodes.Status200OK) =>
        Results.Content($$"""
            <!DOCTYPE html>
            <html lang="ja">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} | JC-STAR 業務システム</title>
            <link rel="stylesheet" href="/assets/account.css">
            </head>
            <body>
            <header><p class="brand">JC-STAR 業務システム <span lang="en">JC-STAR Workflow</span></p></header>
            <main>
            {{body}}
            </main>
            </body>
            </html>
            """, "text/html; charset=utf-8", Encoding.UTF8, status);

    public static string Antiforgery(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"""<input type="hidden" name="{E(tokens.FormFieldName)}" value="{E(tokens.RequestToken)}">""";
    }

    public static string Error(string? message) =>
        message is null ? "" : $"""<p class="error" role="alert">{E(message)}</p>""";

    public const string Css = """
        body { font-family: "Noto Sans JP", "Hiragino Sans", "Yu Gothic", sans-serif; margin: 0; background: #f4f6f8; color: #1b1f24; }
        header { background: #0b3d62; color: #fff; padding: 0.75rem 1.5rem; }
        header .brand { margin: 0; font-weight: 600; }
        header .brand span { font-weight: 400; opacity: 0.8; margin-left: 0.5rem; font-size: 0.9em; }
        main { max-width: 28rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,0.12); }
        h1 { font-size: 1.4rem; margin-top: 0; }
        label { display: block; margin: 1rem 0 0.25rem; font-weight: 600; }
        label span { font-weight: 400; color: #555; font-size: 0.9em; margin-left: 0.4rem; }
        input[type=text], input[type=password] { width: 100%; box-sizing: border-box; padding: 0.6rem; font-size: 1rem; border: 1px solid #8a96a3; border-radius: 4px; }
        input:focus, button:focus, a:focus { outline: 3px solid #f0b400; outline-offset: 1px; }
        button { margin-top: 1.5rem; width: 100%; padding: 0.7rem; font-size: 1rem; background: #0b5cad; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
        button.secondary { background: #fff; color: #0b5cad; border: 1px solid #0b5cad; }
        .error { background: #fdecea; color: #8a1c13; border-left: 4px solid #c62828; padding: 0.6rem 0.8rem; }
        .note { color: #444; font-size: 0.95rem; }
        code { word-break: break-all; background: #eef1f4; padding: 0.1rem 0.3rem; }
        """;
}
