namespace ActorMap.Bench;

internal static class Program
{
    private static int Main(string[] args)
    {
        Console.WriteLine("benchmarks: " + string.Join(' ', args));
        return 0;
    }
}
