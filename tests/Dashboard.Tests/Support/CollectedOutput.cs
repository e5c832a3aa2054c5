using System.Text;
using Xunit.Abstractions;

namespace ActorMap.Dashboard.Tests.Support;

/// <summary>
/// Where the shared cluster writes its processes' last lines: a collection fixture has no spec's
/// output to write to, so they go to a file beside the screenshots, for a failed CI run.
/// </summary>
internal sealed class CollectedOutput : ITestOutputHelper
{
    private readonly Lock _gate = new();
    private readonly StringBuilder _text = new();

    public void WriteLine(string message)
    {
        lock (_gate)
        {
            _text.AppendLine(message);
        }
    }

    public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));

    public void SaveTo(string path)
    {
        lock (_gate)
        {
            File.WriteAllText(path, _text.ToString());
        }
    }
}
