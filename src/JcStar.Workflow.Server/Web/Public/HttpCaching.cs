using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace JcStar.Workflow.Server.Web.Public;

/// <summary>
/// Validators for the public registry: the ETag is a hash of what the answer is made of (the entries, the day, the
/// representation and language), so a crawler that sends it back gets 304 without the page being rendered or sent.
/// </summary>
public static class HttpCaching
{
    public static string ETagFor(params string[] parts) =>
        "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join("\u001f", parts))))[..32] + "\"";

    /// <summary>Sets ETag, Cache-Control and Vary; true when the client's copy is current (answer 304).</summary>
    public static bool NotModified(HttpContext http, string etag, int maxAgeSeconds, bool variesByLanguage)
    {
        var headers = http.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = $"public, max-age={maxAgeSeconds}";
        if (variesByLanguage)
            headers.Vary = "Accept-Language, Cookie";
        var sent = http.Request.Headers.IfNoneMatch;
        return sent.Count > 0 && EntityTagHeaderValue.TryParseList(sent, out var tags)
            && tags.Any(t => t.Tag == "*" || t.Tag.Equals(etag, StringComparison.Ordinal));
    }
}
