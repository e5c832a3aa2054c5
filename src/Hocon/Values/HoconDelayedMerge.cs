namespace ActorMap.Hocon.Values;

/// <summary>
/// Two values for the same key where the merge cannot happen before substitutions are
/// resolved: <see cref="Above"/> overrides or merges with <see cref="Below"/>. While Above
/// is resolved, a self-reference to its own path looks backward to Below
/// (spec "Self-Referential Substitutions").
/// </summary>
internal sealed class HoconDelayedMerge : HoconNode
{
    public HoconDelayedMerge(HoconNode below, HoconNode above)
    {
        Below = below;
        Above = above;
        Depth = 1 + Math.Max(DepthOf(below), DepthOf(above));
        if (Depth > HoconLimits.MaxMergeChain)
        {
            throw new HoconException($"more than {HoconLimits.MaxMergeChain} unresolved values are merged into one key");
        }
    }

    public HoconNode Below { get; }

    public HoconNode Above { get; }

    public int Depth { get; }

    public override bool IsUnresolved => true;

    private static int DepthOf(HoconNode node) => node is HoconDelayedMerge merge ? merge.Depth : 0;
}
