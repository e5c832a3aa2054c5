using System.Text.RegularExpressions;

namespace ActorMap.Hosting.Tests.Deploy;

/// <summary>No certificate, key or password in clear in a deployment file: TLS comes from secrets only.</summary>
internal static partial class SecretChecks
{
    public static IEnumerable<string> InText(string file, string text)
    {
        if (text.Contains("-----BEGIN", StringComparison.Ordinal))
        {
            yield return $"{file}: holds PEM material (-----BEGIN)";
        }
        foreach (Match blob in Base64Blob().Matches(text))
        {
            yield return $"{file}: holds what looks like key material ({blob.Value[..16]}...)";
        }
    }

    /// <summary>A variable named like a secret may name a file or directory holding it, never hold it.</summary>
    public static IEnumerable<string> InEnvironment(string where, IEnumerable<KeyValuePair<string, string?>> variables) =>
        variables
            .Where(v => SecretName().IsMatch(v.Key) && !v.Key.EndsWith("_FILE", StringComparison.Ordinal) && !v.Key.EndsWith("_DIR", StringComparison.Ordinal)
                && !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{where}: {v.Key} holds a secret's value; mount it as a secret and name the file instead");

    [GeneratedRegex("PASSWORD|PASSWD|TOKEN|SECRET|PRIVATE|_KEY|CREDENTIAL|PFX", RegexOptions.IgnoreCase)]
    private static partial Regex SecretName();

    // A pfx or key pasted in base64: 120 characters with no space is no word, path or lambda.
    [GeneratedRegex("[A-Za-z0-9+/]{120,}={0,2}")]
    private static partial Regex Base64Blob();
}
