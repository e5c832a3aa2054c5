using System.Text.Json;

namespace ActorMap.Bench.Python;

/// <summary>The rows workload's input: rows of five integers in 0..12 as one JSON array, the same bytes every time (a fixed seed).</summary>
internal static class RowsFile
{
    public const int Rows = 1_000_000;

    public static string Write(string directory)
    {
        var path = Path.Combine(directory, "rows.json");
        var random = new Random(20261202);
        using var stream = File.Create(path);
        using var writer = new Utf8JsonWriter(stream);
        writer.WriteStartArray();
        for (var r = 0; r < Rows; r++)
        {
            writer.WriteStartArray();
            for (var v = 0; v < 5; v++)
            {
                writer.WriteNumberValue(random.Next(0, 13));
            }
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        return path;
    }
}
