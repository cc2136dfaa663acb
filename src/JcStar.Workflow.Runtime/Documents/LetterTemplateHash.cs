using System.Security.Cryptography;

namespace JcStar.Workflow.Runtime.Documents;

/// <summary>SHA-256 of a template's bytes, lower-case hex: the same value the Word renderer keys its cache by.</summary>
public static class LetterTemplateHash
{
    public static string Of(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
