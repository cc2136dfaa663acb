using System.Net;
using System.Text.RegularExpressions;

namespace JcStar.Workflow.Server.Tests.Oidc;

/// <summary>
/// What a browser does in a sign-in dance, and no more: one cookie jar for every site, redirects followed
/// across sites, and the provider's self-submitting form_post page submitted. Every address visited is kept.
/// </summary>
public sealed partial class Browser : IDisposable
{
    private const int MaxSteps = 20;
    private readonly HttpClient http;
    private readonly Uri autoSubmitOrigin;

    /// <param name="autoSubmitOrigin">The site whose self-submitting forms (OpenID Connect form_post) are posted as a browser's script would.</param>
    public Browser(Uri autoSubmitOrigin)
    {
        this.autoSubmitOrigin = autoSubmitOrigin;
        http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, UseCookies = true });
    }

    public CookieContainer Cookies { get; } = new();

    public List<Uri> Visited { get; } = [];

    /// <summary>Opens <paramref name="address"/> and follows where it leads; returns the last answer.</summary>
    public async Task<HttpResponseMessage> OpenAsync(Uri address)
    {
        var response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, address));
        for (var step = 0; step < MaxSteps; step++)
        {
            var at = response.RequestMessage!.RequestUri!;
            if (response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.MovedPermanently or HttpStatusCode.TemporaryRedirect)
            {
                var next = new Uri(at, response.Headers.Location!);
                response.Dispose();
                response = await SendAsync(new HttpRequestMessage(HttpMethod.Get, next));
                continue;
            }
            if (response.IsSuccessStatusCode && at.GetLeftPart(UriPartial.Authority) == autoSubmitOrigin.GetLeftPart(UriPartial.Authority)
                && await AutoSubmittedFormAsync(response) is { } form)
            {
                response.Dispose();
                response = await SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(at, form.Action)) { Content = new FormUrlEncodedContent(form.Fields) });
                continue;
            }
            return response;
        }
        throw new InvalidOperationException($"more than {MaxSteps} redirects: {string.Join(" -> ", Visited)}");
    }

    public Task<HttpResponseMessage> GetAsync(Uri address) => SendAsync(new HttpRequestMessage(HttpMethod.Get, address));

    private Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
    {
        Visited.Add(request.RequestUri!);
        return http.SendAsync(request);
    }

    private static async Task<(string Action, List<KeyValuePair<string, string>> Fields)?> AutoSubmittedFormAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        if (FormPattern().Match(html) is not { Success: true } form || !html.Contains(".submit()", StringComparison.Ordinal))
            return null;
        var fields = InputPattern().Matches(form.Groups["body"].Value)
            .Select(m => KeyValuePair.Create(WebUtility.HtmlDecode(m.Groups["name"].Value), WebUtility.HtmlDecode(m.Groups["value"].Value)))
            .ToList();
        return (WebUtility.HtmlDecode(form.Groups["action"].Value), fields);
    }

    [GeneratedRegex("""<form[^>]*method="post"[^>]*action="(?<action>[^"]+)"[^>]*>(?<body>.*?)</form>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex FormPattern();

    [GeneratedRegex("""<input[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    public void Dispose() => http.Dispose();
}
