using System.Security.Cryptography;
using System.Text;

namespace JcStar.Workflow.Runtime.Definitions;

public static class ContentHash
{
    /// <summary>Line endings are normalised so a file checked out on Windows is not a new version.</summary>
    public static string Of(string xml)
    {
        var normalised = xml.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }
}
