using System.Security.Cryptography;

namespace ActorMap.Functions.Shipping;

/// <summary>
/// The identity of shipped content: the SHA-256 of its bytes, as 64 lower-case hex digits.
/// Names and versions are for messages; two files with the same hash are the same file.
/// </summary>
internal static class ContentHash
{
    public const int Length = 64;

    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string OfFile(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Only the form <see cref="Of"/> writes: a hash is also a file name in the store, so nothing else may pass.</summary>
    public static bool IsValid(string? hash)
    {
        if (hash is null || hash.Length != Length)
        {
            return false;
        }
        foreach (var c in hash)
        {
            if (c is not (>= '0' and <= '9' or >= 'a' and <= 'f'))
            {
                return false;
            }
        }
        return true;
    }
}
