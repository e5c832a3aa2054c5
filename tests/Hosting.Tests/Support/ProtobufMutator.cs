namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// Mutations of a valid protobuf message that aim at a decoder's weak spots: flipped bits, a
/// truncation, a length that lies, a number swapped for an extreme one, a varint made overlong,
/// bytes duplicated or dropped. It knows
/// the wire format (varint, 64-bit, length-delimited, 32-bit) well enough to find every varint
/// and every length, nested messages included, and nothing about our schema.
/// </summary>
internal static class ProtobufMutator
{
    /// <summary>Where a varint sits, and whether it is a length prefix or a field's value (else a tag).</summary>
    private readonly record struct Varint(int Offset, int Length, bool IsLength, bool IsValue = false);

    private static readonly ulong[] s_lyingLengths = [0, 1, 127, 128, 0x7fff_ffff, 0x8000_0000, 0xffff_ffff, 0x1_0000_0000, ulong.MaxValue];

    public static byte[] Mutate(byte[] message, Random random)
    {
        var varints = Varints(message);
        return random.Next(7) switch
        {
            0 => FlipBit(message, random),
            1 => message[..random.Next(message.Length + 1)],
            2 when varints.Any(v => v.IsLength) => LieAboutLength(message, Pick(varints.Where(v => v.IsLength).ToArray(), random), random),
            3 when varints.Count > 0 => Overlong(message, Pick([.. varints], random), random),
            4 => Duplicate(message, random),
            5 when varints.Any(v => v.IsValue) => Extreme(message, Pick(varints.Where(v => v.IsValue).ToArray(), random), random),
            _ => Drop(message, random),
        };
    }

    private static byte[] FlipBit(byte[] message, Random random)
    {
        var copy = (byte[])message.Clone();
        if (copy.Length > 0)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }
        return copy;
    }

    private static byte[] LieAboutLength(byte[] message, Varint length, Random random)
    {
        var actual = ReadVarint(message, length.Offset, out _);
        var lie = random.Next(3) switch
        {
            0 => s_lyingLengths[random.Next(s_lyingLengths.Length)],
            1 => actual + (ulong)random.Next(1, 9),
            _ => actual == 0 ? 1 : actual - 1,
        };
        return Splice(message, length, Encode(lie, 0));
    }

    // A count, index or id at an edge, or of any width up to 64 bits: where a check is off by one or a sum wraps.
    private static byte[] Extreme(byte[] message, Varint value, Random random)
    {
        var number = random.Next(2) == 0
            ? s_lyingLengths[random.Next(s_lyingLengths.Length)]
            : (ulong)random.NextInt64() >> random.Next(64);
        return Splice(message, value, Encode(number, 0));
    }

    // The same value with continuation bytes added: 10 bytes is the most a varint may take, 11 is malformed.
    private static byte[] Overlong(byte[] message, Varint varint, Random random)
    {
        var value = ReadVarint(message, varint.Offset, out _);
        return Splice(message, varint, Encode(value, random.Next(1, 12)));
    }

    private static byte[] Duplicate(byte[] message, Random random)
    {
        if (message.Length == 0)
        {
            return [0];
        }
        var at = random.Next(message.Length);
        var count = random.Next(1, Math.Min(16, message.Length - at) + 1);
        return [.. message[..(at + count)], .. message[at..]];
    }

    private static byte[] Drop(byte[] message, Random random)
    {
        if (message.Length == 0)
        {
            return message;
        }
        var at = random.Next(message.Length);
        var count = random.Next(1, Math.Min(16, message.Length - at) + 1);
        return [.. message[..at], .. message[(at + count)..]];
    }

    private static Varint Pick(Varint[] varints, Random random) => varints[random.Next(varints.Length)];

    private static byte[] Splice(byte[] message, Varint varint, byte[] replacement) =>
        [.. message[..varint.Offset], .. replacement, .. message[(varint.Offset + varint.Length)..]];

    /// <summary>Every varint in the message: tags, varint values and lengths, inside nested messages too.</summary>
    private static List<Varint> Varints(byte[] message)
    {
        var found = new List<Varint>();
        Walk(message, 0, message.Length, found, depth: 0);
        return found;
    }

    // Parses [start, end) as fields; a length-delimited payload is walked as a message when it parses as one.
    private static bool Walk(byte[] message, int start, int end, List<Varint> found, int depth)
    {
        var mark = found.Count;
        var at = start;
        while (at < end)
        {
            var tag = ReadVarint(message, at, out var tagLength, end);
            if (tagLength == 0 || tag >> 3 == 0)
            {
                found.RemoveRange(mark, found.Count - mark);
                return false;
            }
            found.Add(new Varint(at, tagLength, false));
            at += tagLength;
            switch (tag & 7)
            {
                case 0:
                    ReadVarint(message, at, out var valueLength, end);
                    if (valueLength == 0)
                    {
                        found.RemoveRange(mark, found.Count - mark);
                        return false;
                    }
                    found.Add(new Varint(at, valueLength, false, IsValue: true));
                    at += valueLength;
                    break;
                case 1:
                    at += 8;
                    break;
                case 5:
                    at += 4;
                    break;
                case 2:
                    var length = ReadVarint(message, at, out var lengthLength, end);
                    if (lengthLength == 0 || length > (ulong)(end - at - lengthLength))
                    {
                        found.RemoveRange(mark, found.Count - mark);
                        return false;
                    }
                    found.Add(new Varint(at, lengthLength, true));
                    at += lengthLength;
                    if (depth < 8)
                    {
                        Walk(message, at, at + (int)length, found, depth + 1);
                    }
                    at += (int)length;
                    break;
                default:
                    found.RemoveRange(mark, found.Count - mark);
                    return false;
            }
        }
        if (at != end)
        {
            found.RemoveRange(mark, found.Count - mark);
            return false;
        }
        return true;
    }

    private static ulong ReadVarint(byte[] message, int at, out int length, int end = int.MaxValue)
    {
        end = Math.Min(end, message.Length);
        ulong value = 0;
        for (var i = 0; i < 10 && at + i < end; i++)
        {
            value |= (ulong)(message[at + i] & 0x7f) << (7 * i);
            if ((message[at + i] & 0x80) == 0)
            {
                length = i + 1;
                return value;
            }
        }
        length = 0;
        return 0;
    }

    /// <summary><paramref name="value"/> as a varint, padded with <paramref name="extra"/> needless continuation bytes.</summary>
    public static byte[] Encode(ulong value, int extra)
    {
        var bytes = new List<byte>();
        do
        {
            bytes.Add((byte)(value & 0x7f | 0x80));
            value >>= 7;
        }
        while (value != 0);
        for (var i = 0; i < extra; i++)
        {
            bytes.Add(0x80);
        }
        bytes[^1] &= 0x7f;
        return [.. bytes];
    }
}
