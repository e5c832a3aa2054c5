namespace ActorMap.Hocon.Tests.Support;

/// <summary>Short helpers for spec facts: parse without environment fallback, render compact JSON.</summary>
internal static class HoconText
{
    public static HoconConfig Parse(string text) => HoconConfig.Parse(text, resolveEnv: false);

    public static string Json(string text) => Parse(text).ToJson(indented: false);
}
