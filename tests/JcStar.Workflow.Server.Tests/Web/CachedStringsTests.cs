using System.Globalization;
using JcStar.Workflow.Server.Web.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace JcStar.Workflow.Server.Tests.Web;

/// <summary>The pages' texts are read once per language and then served from memory, in the language of each request.</summary>
public sealed class CachedStringsTests
{
    private static (CachedStrings Strings, CountingFactory Counting) Create()
    {
        var real = new ServiceCollection().AddLogging().AddLocalization().BuildServiceProvider().GetRequiredService<IStringLocalizerFactory>();
        var counting = new CountingFactory(real);
        return (new CachedStrings(counting), counting);
    }

    [Fact]
    public void Each_language_gets_its_own_text_and_each_is_read_once()
    {
        var (strings, counting) = Create();

        var japanese = In("ja", () => new[] { strings["Claim"].Value, strings["Claim"].Value });
        var english = In("en", () => new[] { strings["Claim"].Value, strings["Claim"].Value });

        Assert.Equal(["担当する", "担当する"], japanese);
        Assert.Equal(["Claim", "Claim"], english);
        Assert.Equal(2, counting.Reads);
    }

    [Fact]
    public void A_text_with_arguments_is_formatted_in_the_request_s_language()
    {
        var (strings, _) = Create();

        var japanese = In("ja", () => strings["SimRanScenario", "granted"].Value);
        var english = In("en", () => strings["SimRanScenario", "granted"].Value);

        Assert.Contains("granted", japanese);
        Assert.Contains("granted", english);
        Assert.NotEqual(japanese, english);
    }

    [Fact]
    public void A_name_that_is_not_a_text_comes_back_as_itself_and_is_not_kept()
    {
        var (strings, counting) = Create();

        var first = In("ja", () => strings["<b>no such text</b>"]);
        In("ja", () => strings["<b>no such text</b>"]);

        Assert.True(first.ResourceNotFound);
        Assert.Equal("<b>no such text</b>", first.Value);
        Assert.Equal(2, counting.Reads);
    }

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    private sealed class CountingFactory(IStringLocalizerFactory inner) : IStringLocalizerFactory
    {
        public int Reads;

        public IStringLocalizer Create(Type resourceSource) => new Counting(inner.Create(resourceSource), this);

        public IStringLocalizer Create(string baseName, string location) => new Counting(inner.Create(baseName, location), this);

        private sealed class Counting(IStringLocalizer inner, CountingFactory owner) : IStringLocalizer
        {
            public LocalizedString this[string name] { get { Interlocked.Increment(ref owner.Reads); return inner[name]; } }

            public LocalizedString this[string name, params object[] arguments] => inner[name, arguments];

            public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => inner.GetAllStrings(includeParentCultures);
        }
    }
}
