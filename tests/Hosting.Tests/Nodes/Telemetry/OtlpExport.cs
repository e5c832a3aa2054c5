using Google.Protobuf;

namespace ActorMap.Hosting.Tests.Nodes.Telemetry;

/// <summary>One scope's items (metric or span names) in an OTLP export, with the resource that sent them.</summary>
internal sealed record OtlpItems(IReadOnlyDictionary<string, string> Resource, string Scope, IReadOnlyList<string> Names);

/// <summary>
/// Reads the little of an OTLP/HTTP protobuf export a spec checks, by field number from
/// opentelemetry-proto: metrics and traces share the shape
/// Request{1: Resource*{1: Resource{1: KeyValue*}, 2: Scope*{1: InstrumentationScope{1: name}, 2: item*}}},
/// and an item's name is field 1 in a Metric, 5 in a Span.
/// </summary>
internal static class OtlpExport
{
    public const int MetricName = 1;
    public const int SpanName = 5;

    public static IReadOnlyList<OtlpItems> Read(byte[] request, int itemNameField)
    {
        var found = new List<OtlpItems>();
        foreach (var resourceItems in Fields(request, 1))
        {
            var resource = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var attribute in Fields(resourceItems, 1).SelectMany(r => Fields(r, 1)))
            {
                var key = Fields(attribute, 1).Select(Text).FirstOrDefault() ?? "";
                // AnyValue{1: string_value}
                var value = Fields(attribute, 2).SelectMany(v => Fields(v, 1)).Select(Text).FirstOrDefault();
                if (value is not null)
                {
                    resource[key] = value;
                }
            }
            foreach (var scopeItems in Fields(resourceItems, 2))
            {
                var scope = Fields(scopeItems, 1).SelectMany(s => Fields(s, 1)).Select(Text).FirstOrDefault() ?? "";
                var names = Fields(scopeItems, 2).SelectMany(i => Fields(i, itemNameField)).Select(Text).ToList();
                found.Add(new OtlpItems(resource, scope, names));
            }
        }
        return found;
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    /// <summary>The length-delimited fields numbered <paramref name="number"/> of a message; others are skipped.</summary>
    private static List<byte[]> Fields(byte[] message, int number)
    {
        var fields = new List<byte[]>();
        var input = new CodedInputStream(message);
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            if (WireFormat.GetTagFieldNumber(tag) == number && WireFormat.GetTagWireType(tag) == WireFormat.WireType.LengthDelimited)
            {
                fields.Add(input.ReadBytes().ToByteArray());
            }
            else
            {
                input.SkipLastField();
            }
        }
        return fields;
    }
}
