using Spectre.Console;
using Spectre.Console.Rendering;

namespace ActorMap.Client.Output;

/// <summary>
/// A job's progress as a bar of fixed width. Spectre's own bar lives inside its Progress display,
/// which owns the refresh loop; the watch needs one inside a table it redraws itself.
/// </summary>
internal sealed class JobBar(double fraction, int width = 24) : Renderable
{
    public double Fraction { get; } = Math.Clamp(double.IsNaN(fraction) ? 0 : fraction, 0, 1);

    protected override Measurement Measure(RenderOptions options, int maxWidth)
    {
        var size = Math.Min(width, maxWidth);
        return new Measurement(size, size);
    }

    protected override IEnumerable<Segment> Render(RenderOptions options, int maxWidth)
    {
        var size = Math.Min(width, maxWidth);
        var filled = (int)Math.Round(size * Fraction);
        if (filled == size && Fraction < 1)
        {
            // A full bar promises a finished job; 99.9% is not one.
            filled = size - 1;
        }
        var (done, todo) = options.Unicode ? ('━', '━') : ('#', '-');
        yield return new Segment(new string(done, filled), new Style(Fraction >= 1 ? Color.Green : Color.Yellow));
        yield return new Segment(new string(todo, size - filled), new Style(Color.Grey));
    }
}
