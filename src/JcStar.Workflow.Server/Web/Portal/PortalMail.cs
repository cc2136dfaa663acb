using System.Text.Json;
using JcStar.Workflow.Identity.SignUp;
using JcStar.Workflow.Mail;
using JcStar.Workflow.Runtime;
using JcStar.Workflow.Scheme;
using JcStar.Workflow.Server.Web.Public;
using Microsoft.AspNetCore.WebUtilities;

namespace JcStar.Workflow.Server.Web.Portal;

/// <summary>The two mailed links of the portal, queued in the outbox like every other mail: the address confirmation and a colleague's invitation.</summary>
public sealed class PortalMail(SendMailActivity mail, PortalOptions options, PublicOptions publicOptions, SchemeServices scheme, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task SendConfirmationAsync(PendingConfirmation pending, HttpRequest request, CancellationToken ct) =>
        SendAsync(options.ConfirmationTemplate, "signup", pending, $"/signup/confirm?user={Uri.EscapeDataString(pending.User.Id)}&token={Encode(pending.Token)}", null, request, ct);

    public Task SendInvitationAsync(PendingConfirmation pending, string invitedBy, HttpRequest request, CancellationToken ct) =>
        SendAsync(options.InvitationTemplate, "invitation", pending, $"/invitation?user={Uri.EscapeDataString(pending.User.Id)}&token={Encode(pending.Token)}", invitedBy, request, ct);

    private async Task SendAsync(string template, string kind, PendingConfirmation pending, string path, string? invitedBy, HttpRequest request, CancellationToken ct)
    {
        var zone = TimeZones.Find(scheme.Options.TimeZone);
        var variables = new
        {
            name = pending.User.DisplayName,
            organization = pending.Organization.Name,
            corporateNumber = pending.Organization.CorporateNumber,
            userName = pending.User.UserName,
            invitedBy,
            link = BaseUrl(request) + path,
            expiresAt = TimeZoneInfo.ConvertTime(time.GetUtcNow() + options.LinkValidity, zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture),
            approvalRequired = options.RequireApproval && pending.Organization.AwaitingApproval,
            office = scheme.Options.Office,
        };
        var inputs = new Dictionary<string, JsonElement>
        {
            ["template"] = JsonSerializer.SerializeToElement(template),
            ["to"] = JsonSerializer.SerializeToElement(new { address = pending.User.Email, name = pending.User.DisplayName }),
            ["variables"] = JsonSerializer.SerializeToElement(variables, Json),
        };
        var id = $"{kind}:{pending.User.Id}:{pending.User.SecurityStamp}";
        await mail.ExecuteAsync(new SendMailRequest(id, $"{kind}:{pending.User.Id}", null, kind, inputs), ct);
    }

    private string BaseUrl(HttpRequest request) =>
        (options.BaseUrl is { Length: > 0 } own ? own
            : publicOptions.BaseUrl is { Length: > 0 } shared ? shared
            : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    /// <summary>Identity's tokens hold + and /: base64url keeps them whole through mail clients and query strings.</summary>
    private static string Encode(string token) => WebEncoders.Base64UrlEncode(System.Text.Encoding.UTF8.GetBytes(token));

    public static string? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token))
            return null;
        try
        {
            return System.Text.Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
