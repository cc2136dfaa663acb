using System.Globalization;
using System.Resources;

namespace JcStar.Workflow.Server.Web;

/// <summary>
/// The English text of a key whatever the page's language: Japanese pages carry the English name of headings and
/// buttons beside the Japanese (the accessible names 'Inbox', 'Claim', … that tests and users rely on).
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("JcStar.Workflow.Server.Web.Resources.Strings", typeof(Texts).Assembly);
    private static readonly CultureInfo EnglishCulture = CultureInfo.GetCultureInfo("en");

    public static string English(string key) => Resources.GetString(key, EnglishCulture) ?? key;

    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "ja";
}
