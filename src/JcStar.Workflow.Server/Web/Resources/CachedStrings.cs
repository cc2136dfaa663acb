using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Extensions.Localization;

namespace JcStar.Workflow.Server.Web.Resources;

/// <summary>
/// The pages' texts (<see cref="Strings"/>), each read from the resources once per language and kept. A resource manager
/// takes a process-wide lock on every read, and a page reads a text per row (the inbox's 50 rows each carry 担当する Claim
/// and 開く Open): under load, requests queued on that lock. Only texts found are kept, so a name that is not a resource
/// (which comes back as itself) cannot grow the cache.
/// </summary>
public sealed class CachedStrings(IStringLocalizerFactory factory) : IStringLocalizer<Strings>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(Strings));
    private readonly ConcurrentDictionary<(string Culture, string Name), LocalizedString> _found = new();

    public LocalizedString this[string name]
    {
        get
        {
            var key = (CultureInfo.CurrentUICulture.Name, name);
            if (_found.TryGetValue(key, out var text))
                return text;
            text = _resources[name];
            if (!text.ResourceNotFound)
                _found.TryAdd(key, text);
            return text;
        }
    }

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var format = this[name];
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format.Value, arguments), format.ResourceNotFound, format.SearchedLocation);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);
}
