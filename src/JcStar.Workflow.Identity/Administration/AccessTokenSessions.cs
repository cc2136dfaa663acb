using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace JcStar.Workflow.Identity.Administration;

/// <summary>
/// The principals of personal access tokens recently checked on this node, so a program (or a load of them) calling
/// with a token is not looked up in the user register on every request: seven queries (token, user, claims, roles,
/// role, role claims, organization) before any work. A token is treated like a signed-in browser session: it is
/// checked against the register again after <see cref="AccessOptions.SessionRevalidation"/> (a token revoked or a
/// user disabled on another node stops within that time, as a session does), never used past its own expiry, and
/// forgotten at once when anything in the register changes on this node (<see cref="AccessChangeInterceptor"/>).
/// Keyed by the token's hash, never its secret.
/// </summary>
public sealed class AccessTokenSessions(IOptionsMonitor<AccessOptions> options, TimeProvider time)
{
    /// <summary>More distinct tokens than this in one revalidation period empty the cache rather than grow it.</summary>
    public const int Capacity = 10_000;

    private ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>A copy of the principal remembered for this token hash, if it is still valid now.</summary>
    public ClaimsPrincipal? Find(string hash)
    {
        if (!_entries.TryGetValue(hash, out var entry))
            return null;
        if (time.GetUtcNow() >= entry.ValidUntil)
        {
            _entries.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
            return null;
        }
        return Copy(entry.Principal);
    }

    /// <summary>Remembers a principal just built from the register, until the revalidation time or the token's expiry, whichever comes first.</summary>
    public void Remember(string hash, ClaimsPrincipal principal, DateTimeOffset? tokenExpiresAt)
    {
        var revalidation = options.CurrentValue.SessionRevalidation;
        if (revalidation <= TimeSpan.Zero)
            return;
        var until = time.GetUtcNow() + revalidation;
        if (tokenExpiresAt is { } expires && expires < until)
            until = expires;
        if (_entries.Count >= Capacity)
            _entries = new ConcurrentDictionary<string, Entry>(StringComparer.Ordinal);
        _entries[hash] = new Entry(Copy(principal), until);
    }

    // A copy down to the identities (ClaimsPrincipal.Clone shares them): a request may add to its principal; the next one must not see it.
    private static ClaimsPrincipal Copy(ClaimsPrincipal principal) => new(principal.Identities.Select(i => i.Clone()));

    /// <summary>Forgets every remembered token: something in the user register changed.</summary>
    public void ForgetAll() => _entries.Clear();

    public int Count => _entries.Count;

    private sealed record Entry(ClaimsPrincipal Principal, DateTimeOffset ValidUntil);
}
