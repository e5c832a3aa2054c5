namespace ActorMap.Hocon.Values;

/// <summary>
/// Merges two values for the same key (spec "Duplicate keys" and "Config object merging"):
/// objects merge field by field, any other later value replaces the earlier one, and when
/// either side is still unresolved the decision is delayed until resolution.
/// </summary>
internal static class NodeMerger
{
    /// <summary>Parse-time merge: <paramref name="below"/> is owned by the parser and may be changed in place.</summary>
    public static HoconNode MergeOwned(HoconNode below, HoconNode above)
    {
        if (above is HoconObject aboveObject)
        {
            if (below is HoconObject belowObject)
            {
                foreach (var (key, value) in aboveObject.Fields)
                {
                    belowObject.SetMerged(key, value);
                }

                return belowObject;
            }

            return below.IsUnresolved ? new HoconDelayedMerge(below, above) : above;
        }

        return above.IsUnresolved ? new HoconDelayedMerge(below, above) : above;
    }

    /// <summary>Merge that leaves both inputs untouched, for layering finished trees.</summary>
    public static HoconNode Merge(HoconNode below, HoconNode above)
    {
        if (above is HoconObject aboveObject)
        {
            if (below is HoconObject belowObject)
            {
                return MergeObjects(belowObject, aboveObject);
            }

            return below.IsUnresolved ? new HoconDelayedMerge(below, above) : aboveObject.WithIgnoredFallbacks();
        }

        return above.IsUnresolved ? new HoconDelayedMerge(below, above) : above;
    }

    public static HoconObject MergeObjects(HoconObject below, HoconObject above)
    {
        if (above.IgnoresFallbacks)
        {
            return above;
        }

        // A below that already hides its own fallbacks keeps hiding them once merged.
        var result = new HoconObject(below.Count + above.Count, below.IgnoresFallbacks);
        foreach (var (key, value) in below.Fields)
        {
            result.Set(key, value);
        }

        foreach (var (key, value) in above.Fields)
        {
            result.Set(key, below.TryGet(key, out var existing) ? Merge(existing, value) : value);
        }

        return result;
    }
}
