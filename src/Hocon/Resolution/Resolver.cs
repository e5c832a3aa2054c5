using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Resolution;

/// <summary>
/// Resolves substitutions in a whole tree, following the spec's "Substitutions" and
/// "Self-Referential Substitutions": values are resolved lazily and memoized per node;
/// a lookup that runs into a value still being resolved is a cycle, which is broken by
/// "looking backward" to the value below a delayed merge when there is one.
/// </summary>
internal sealed partial class Resolver
{
    private readonly HoconObject _root;
    private readonly Func<string, string?>? _environment;
    private readonly Dictionary<HoconNode, HoconNode?> _memo = new(ReferenceEqualityComparer.Instance);
    private readonly HashSet<HoconNode> _inProgress = new(ReferenceEqualityComparer.Instance);

    // Active "look backward" replacements: while the upper layer of a delayed merge at Path is
    // resolved, lookups that reach Path see the layer below instead.
    private readonly List<(ResolvePath Path, HoconNode Below)> _backward = [];
    private int _depth;
    private long _budget = HoconLimits.MaxResolveBudget;

    private Resolver(HoconObject root, Func<string, string?>? environment)
    {
        _root = root;
        _environment = environment;
    }

    public static HoconObject Resolve(HoconObject root, HoconOptions options)
    {
        var resolver = new Resolver(root, options.EnvironmentVariables);
        return (HoconObject)resolver.ResolveNode(root, ResolvePath.Root)!;
    }

    /// <summary>Returns the resolved value, or null when it is undefined (an optional substitution that found nothing).</summary>
    private HoconNode? ResolveNode(HoconNode node, ResolvePath path)
    {
        if (HoconNode.IsSettled(node))
        {
            return node;
        }

        if (_memo.TryGetValue(node, out var known))
        {
            return known;
        }

        if (++_depth > HoconLimits.MaxResolveDepth)
        {
            throw new HoconException($"resolving '{Format(path)}' nests deeper than {HoconLimits.MaxResolveDepth} levels (substitutions chained too long?)");
        }

        _inProgress.Add(node);
        var result = node switch
        {
            HoconObject obj => ResolveObject(obj, path),
            HoconArray array => ResolveArray(array, path),
            HoconSubstitution substitution => ResolveSubstitution(substitution),
            HoconConcatenation concatenation => ResolveConcatenation(concatenation, path),
            HoconDelayedMerge merge => ResolveMerge(merge, path),
            _ => node,
        };
        _inProgress.Remove(node);
        _memo[node] = result;
        _depth--;
        return result;
    }

    private HoconObject ResolveObject(HoconObject obj, ResolvePath path)
    {
        HoconObject? copy = null;
        var index = 0;
        foreach (var (key, value) in obj.Fields)
        {
            var resolved = HoconNode.IsSettled(value) ? value : ResolveNode(value, path.Child(key));
            if (copy is null && !ReferenceEquals(resolved, value))
            {
                // First change: copy the fields before this one, which resolved to themselves.
                copy = new HoconObject(obj.Count);
                foreach (var (earlierKey, earlierValue) in obj.Fields.Take(index))
                {
                    copy.Set(earlierKey, earlierValue);
                }
            }

            if (copy is not null && resolved is not null)
            {
                copy.Set(key, resolved);
            }

            index++;
        }

        return copy ?? obj;
    }

    private HoconArray ResolveArray(HoconArray array, ResolvePath path)
    {
        List<HoconNode>? copy = null;
        var items = array.Items;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var resolved = HoconNode.IsSettled(item) ? item : ResolveNode(item, path.Child(IndexName(i)));
            if (copy is null && !ReferenceEquals(resolved, item))
            {
                copy = new List<HoconNode>(items.Count);
                copy.AddRange(items.Take(i));
            }

            if (copy is not null && resolved is not null)
            {
                copy.Add(resolved);
            }
        }

        return copy is null ? array : new HoconArray(copy);
    }

    /// <summary>
    /// The upper layer wins unless it is an object, which then merges with what is below;
    /// while it is resolved, a self-reference to this path looks backward to the layer below.
    /// </summary>
    private HoconNode? ResolveMerge(HoconDelayedMerge merge, ResolvePath path)
    {
        _backward.Add((path, merge.Below));
        var above = ResolveNode(merge.Above, path);
        _backward.RemoveAt(_backward.Count - 1);
        if (above is null)
        {
            // "If the field would have overridden a previously-set value for the same field, then the previous value remains."
            return ResolveNode(merge.Below, path);
        }

        if (above is not HoconObject aboveObject)
        {
            return above;
        }

        var below = ResolveNode(merge.Below, path);
        if (below is HoconObject belowObject)
        {
            Spend(belowObject.Count + aboveObject.Count);
            return MergeResolved(belowObject, aboveObject);
        }

        return above;
    }

    private static HoconObject MergeResolved(HoconObject below, HoconObject above) => NodeMerger.MergeObjects(below, above);

    private void Spend(long amount)
    {
        _budget -= amount;
        if (_budget < 0)
        {
            throw new HoconException("substitutions expand the configuration beyond the size limit (a self-doubling concatenation?)");
        }
    }

    private static string IndexName(int index) => index.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Format(ResolvePath path)
    {
        var elements = new string[path.Length];
        for (var p = path; p.Parent is not null; p = p.Parent)
        {
            elements[p.Length - 1] = p.Element;
        }

        return PathFormatter.Format(elements);
    }
}
