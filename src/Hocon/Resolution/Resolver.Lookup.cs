using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Resolution;

/// <summary>Substitution lookups: the tree first (under the include prefix, then at the root), then the environment.</summary>
internal sealed partial class Resolver
{
    private HoconNode? ResolveSubstitution(HoconSubstitution substitution)
    {
        var outcome = LookupOutcome.NotFound;
        HoconNode? value = null;
        if (substitution.Prefix is { Length: > 0 } prefix)
        {
            outcome = Lookup([.. prefix, .. substitution.Path], out value);
        }

        if (outcome != LookupOutcome.Found)
        {
            var direct = Lookup(substitution.Path, out value);
            if (direct == LookupOutcome.Found || outcome == LookupOutcome.NotFound)
            {
                outcome = direct;
            }
        }

        if (outcome == LookupOutcome.Found)
        {
            return value;
        }

        if (_environment is not null)
        {
            var variable = _environment(string.Join('.', substitution.Path));
            if (!string.IsNullOrEmpty(variable))
            {
                return HoconScalar.String(variable);
            }
        }

        if (substitution.Optional)
        {
            return null;
        }

        var reason = outcome == LookupOutcome.Cycle
            ? $"substitution ${{{substitution.PathText}}} is part of a cycle"
            : $"could not resolve substitution ${{{substitution.PathText}}}: no such path and no environment variable";
        var at = substitution.Position;
        throw new HoconSubstitutionException(reason, substitution.PathText, at.File, at.Line, at.Column);
    }

    /// <summary>
    /// Walks the unresolved tree along <paramref name="path"/>, resolving only what lies on the
    /// way: an object refers to paths within itself without resolving itself entirely.
    /// </summary>
    private LookupOutcome Lookup(string[] path, out HoconNode? value)
    {
        value = null;
        HoconNode node = _root;
        var at = ResolvePath.Root;
        foreach (var element in path)
        {
            if (node.IsUnresolved)
            {
                var settled = Settle(node, at, out var outcome);
                if (settled is null)
                {
                    return outcome;
                }

                node = settled;
            }

            at = at.Child(element);
            if (node is HoconObject obj)
            {
                if (!obj.TryGet(element, out node!))
                {
                    return LookupOutcome.NotFound;
                }
            }
            else if (node is HoconArray array && int.TryParse(element, out var index) && index >= 0 && index < array.Items.Count)
            {
                // Only include prefixes point into arrays (an include inside an array element).
                node = array.Items[index];
            }
            else
            {
                return LookupOutcome.NotFound;
            }
        }

        var final = Settle(node, at, out var finalOutcome);
        value = final;
        return final is null ? finalOutcome : LookupOutcome.Found;
    }

    /// <summary>Resolves the node found at a path, looking backward if that node is being resolved right now.</summary>
    private HoconNode? Settle(HoconNode node, ResolvePath at, out LookupOutcome outcome)
    {
        outcome = LookupOutcome.Found;
        for (var guard = 0; _inProgress.Contains(node); guard++)
        {
            if (guard > HoconLimits.MaxMergeChain || !TryLookBackward(at, node, out var below))
            {
                outcome = LookupOutcome.Cycle;
                return null;
            }

            node = below;
        }

        var resolved = ResolveNode(node, at);
        if (resolved is null)
        {
            outcome = LookupOutcome.NotFound;
        }

        return resolved;
    }

    private bool TryLookBackward(ResolvePath at, HoconNode current, out HoconNode below)
    {
        for (var i = _backward.Count - 1; i >= 0; i--)
        {
            var (path, candidate) = _backward[i];
            if (!ReferenceEquals(candidate, current) && path.SameAs(at))
            {
                below = candidate;
                return true;
            }
        }

        below = null!;
        return false;
    }
}
