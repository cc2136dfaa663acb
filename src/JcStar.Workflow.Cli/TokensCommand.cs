using System.CommandLine;
using System.Xml;
using JcStar.Workflow.Cli.Access;
using JcStar.Workflow.Identity;
using JcStar.Workflow.Identity.Administration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Cli;

/// <summary>
/// <c>jcstar tokens create NAME [--expires P90D] [--name LABEL]</c>: a personal access token for user NAME, sent as
/// <c>Authorization: Bearer …</c>. The token is printed once, alone on the last line; only its hash is stored.
/// Without --expires it lives <c>Authentication:DefaultTokenLifetime</c>.
/// </summary>
internal static class TokensCommand
{
    public static Command Create()
    {
        var database = new DatabaseSelection();
        var user = new Argument<string>("user") { Description = "the user the token acts for" };
        var expires = new Option<string?>("--expires") { Description = "ISO 8601 duration, e.g. P90D (default: Authentication:DefaultTokenLifetime)" };
        var label = new Option<string?>("--name") { Description = "a label to recognise the token by, e.g. the program that uses it" };

        var create = database.AddTo(new Command("create", "create a personal access token; prints it once, on the last line") { user, expires, label });
        RegisterCommandAction.Set(create, database, async (parse, session, output, ct) =>
        {
            var lifetime = Lifetime(parse.GetValue(expires), session.Services.GetRequiredService<IOptions<AccessOptions>>().Value.DefaultTokenLifetime);
            var created = await session.Services.GetRequiredService<AccessAdministration>().CreateTokenAsync(parse.GetValue(user) ?? "", parse.GetValue(label), lifetime, ct);
            var token = created.Token;
            output.WriteLine($"token {token.Id} \"{token.Name}\" for {parse.GetValue(user)}, expires {token.ExpiresAt:yyyy-MM-dd'T'HH:mm:ss'Z'}; it is shown once, only its hash is kept:");
            output.WriteLine(created.Secret);
            return RegisterCommandAction.Done;
        });

        return new Command("tokens", "personal access tokens for programs") { create };
    }

    private static TimeSpan Lifetime(string? expires, TimeSpan defaultLifetime)
    {
        if (string.IsNullOrWhiteSpace(expires))
            return defaultLifetime;
        try
        {
            return XmlConvert.ToTimeSpan(expires);
        }
        catch (FormatException)
        {
            throw RegisterCommandAction.Field("expires", $"'{expires}' is not an ISO 8601 duration such as P90D");
        }
    }
}
