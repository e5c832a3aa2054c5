namespace ActorMap.Runtime.Actor;

/// <summary>
/// The characters an actor name may use: those that survive a URI path segment unescaped
/// (RFC 3986 pchar), so a path's string form needs no encoding to round-trip.
/// </summary>
internal static class ActorPathNames
{
    private const string Punctuation = "-_.*$+:@&=,!~';()";

    public static bool IsValid(string? name, bool allowSystemPrefix)
    {
        if (string.IsNullOrEmpty(name) || (!allowSystemPrefix && name[0] == '$'))
        {
            return false;
        }
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && !Punctuation.Contains(c, StringComparison.Ordinal))
            {
                return false;
            }
        }
        return true;
    }

    public static void Validate(string name, bool allowSystemPrefix)
    {
        if (!IsValid(name, allowSystemPrefix))
        {
            throw new InvalidActorNameException(
                $"Invalid actor name '{name}': use ASCII letters, digits and {Punctuation}" +
                (allowSystemPrefix ? "" : ", and do not start with '$' (reserved for generated names)"));
        }
    }
}
