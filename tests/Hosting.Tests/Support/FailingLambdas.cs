using System.Globalization;

namespace ActorMap.Hosting.Tests.Support;

/// <summary>
/// Lambda sources whose failures a spec controls. The in-process nodes share this process, so a
/// counter in the AppDomain, under a name of the spec's own, counts an element's attempts on any node.
/// </summary>
internal static class FailingLambdas
{
    /// <summary>
    /// <c>x => x</c>, except that <paramref name="element"/> throws <paramref name="exception"/>
    /// (a type with a message constructor) on its first <paramref name="times"/> attempts. A
    /// <paramref name="slowMilliseconds"/> makes each failing attempt take at least that long: a
    /// lower bound on the time between failures, for retry windows, not a wait for anything.
    /// </summary>
    public static string Failing(long element, string exception, string message, int times = 1, int slowMilliseconds = 0) =>
        "x => " + Clause(element, exception, message, times, slowMilliseconds) + "x";

    /// <summary><c>x => x</c>, except that each element given throws its exception on its first attempt.</summary>
    public static string FailingOnceEach(params (long Element, string Exception, string Message)[] failures) =>
        "x => " + string.Concat(failures.Select(f => Clause(f.Element, f.Exception, f.Message, 1, 0))) + "x";

    // "x == element && attempts < times ? <count and throw> : ", to chain before the value.
    private static string Clause(long element, string exception, string message, int times, int slowMilliseconds)
    {
        var counter = "actormap-spec-" + Guid.NewGuid().ToString("N");
        var attempts = $"(int)(AppDomain.CurrentDomain.GetData(\"{counter}\") ?? 0)";
        var slow = slowMilliseconds > 0 ? string.Create(CultureInfo.InvariantCulture, $"System.Threading.Thread.Sleep({slowMilliseconds}); ") : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"x == {element} && {attempts} < {times} ? ((Func<long>)(() => {{ {slow}AppDomain.CurrentDomain.SetData(\"{counter}\", {attempts} + 1); throw new {exception}(\"{message}\"); }}))() : ");
    }

    /// <summary><c>x => x</c>, except that every element from <paramref name="from"/> on throws on every attempt.</summary>
    public static string FailingFrom(long from, string exception, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"x => x >= {from} ? throw new {exception}(\"{message}\") : x");
}
