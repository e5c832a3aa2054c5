using System.Text.Json;
using ActorMap.Functions;

namespace ActorMap.Client.Output;

/// <summary>Writes a job's outcome as JSON: to stdout, or to a file that appears only once complete.</summary>
internal static class ResultWriter
{
    public static void Write(TextWriter writer, JobOutcome outcome) =>
        writer.WriteLine(JsonSerializer.Serialize(outcome.Value, outcome.ValueType, Compute.Jobs.ChunkOutputs.Json));

    /// <summary>Writes beside the target and renames, so a reader never sees half a file.</summary>
    public static void WriteFile(string path, JobOutcome outcome)
    {
        var temporary = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, outcome.Value, outcome.ValueType, Compute.Jobs.ChunkOutputs.Json);
                stream.WriteByte((byte)'\n');
            }
            File.Move(temporary, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            throw new UsageException($"--output: cannot write '{path}': {e.Message}");
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
