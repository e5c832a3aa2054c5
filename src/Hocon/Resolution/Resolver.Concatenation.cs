using System.Text;
using ActorMap.Hocon.Values;

namespace ActorMap.Hocon.Resolution;

/// <summary>
/// Concatenations whose type is known only after substitution: spec "Value concatenation"
/// and "Array and object concatenation".
/// </summary>
internal sealed partial class Resolver
{
    private HoconNode? ResolveConcatenation(HoconConcatenation concatenation, ResolvePath path)
    {
        var parts = concatenation.Parts;
        var resolved = new HoconNode?[parts.Count];
        var objects = 0;
        var arrays = 0;
        var strings = 0;
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            var value = part is HoconScalar ? part : ResolveNode(part, path);
            resolved[i] = value;
            switch (value)
            {
                case null or HoconScalar { IsConcatWhitespace: true }:
                    break;
                case HoconObject:
                    objects++;
                    break;
                case HoconArray:
                    arrays++;
                    break;
                default:
                    strings++;
                    break;
            }
        }

        if (objects + arrays + strings == 0)
        {
            // "foo : ${?bar}${?baz} would also avoid creating the field if both are undefined."
            return null;
        }

        if ((objects > 0 && (arrays > 0 || strings > 0)) || (arrays > 0 && strings > 0))
        {
            var at = concatenation.Position;
            throw new HoconSubstitutionException(
                "cannot concatenate values of different kinds (string, array, object) after substitution",
                Format(path),
                at.File,
                at.Line,
                at.Column);
        }

        if (arrays > 0)
        {
            var items = new List<HoconNode>();
            foreach (var value in resolved)
            {
                if (value is HoconArray array)
                {
                    items.AddRange(array.Items);
                }
            }

            Spend(items.Count);
            return new HoconArray(items);
        }

        if (objects > 0)
        {
            HoconObject? merged = null;
            foreach (var value in resolved)
            {
                if (value is HoconObject obj)
                {
                    Spend(obj.Count);
                    merged = merged is null ? obj : MergeResolved(merged, obj);
                }
            }

            return merged;
        }

        var builder = new StringBuilder();
        for (var i = 0; i < resolved.Length; i++)
        {
            switch (resolved[i])
            {
                case null:
                    break;
                case HoconScalar { Kind: ScalarKind.Null } when parts[i] is HoconSubstitution:
                    // A substitution that evaluates to null adds nothing to a string.
                    break;
                case HoconScalar scalar:
                    builder.Append(scalar.Text);
                    break;
            }
        }

        Spend(builder.Length);
        return HoconScalar.String(builder.ToString());
    }
}
