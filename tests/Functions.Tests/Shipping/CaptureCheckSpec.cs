using ActorMap.Functions.Shipping;

namespace ActorMap.Functions.Tests.Shipping;

public sealed class CaptureCheckSpec
{
    private static readonly DelegatePackager s_packager = new(new FileHashes(), new NativeAssets([]));

    [Fact]
    public void Package_ClosureOverAnHttpClient_IsRefusedNamingTheVariableAndItsType()
    {
        using var client = new HttpClient();
        Func<long, long> function = x => x + client.Timeout.Seconds;

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'client' of type System.Net.Http.HttpClient, which cannot be sent to other nodes", message, StringComparison.Ordinal);
        Assert.EndsWith("create it inside the function or pass plain data", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_ClosureOverAStream_IsRefusedNamingTheVariableAndItsType()
    {
        using Stream stream = new MemoryStream([1, 2, 3]);
        Func<long, long> function = x => x + stream.Length;

        Assert.StartsWith("the function captures 'stream' of type System.IO.Stream, which cannot be sent to other nodes", Refusal(function), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_ClosureOverADelegateToAnInstanceMethod_IsRefusedNamingTheDelegateAndItsTarget()
    {
        var helper = new Helper(2);
        Func<long, long> twice = helper.Times;
        Func<long, long> function = x => twice(x) + 1;

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'twice' of type System.Func<System.Int64, System.Int64>, which cannot be sent to other nodes", message, StringComparison.Ordinal);
        Assert.Contains("a delegate to Times on an instance of ActorMap.Functions.Tests.Shipping.CaptureCheckSpec.Helper", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_InstanceMethodOfAnObjectHoldingAClient_IsRefusedNamingThePropertyPath()
    {
        var holder = new ClientHolder();
        Func<long, long> function = holder.Use;

        Assert.StartsWith("the function captures 'this.Client' of type System.Net.Http.HttpClient", Refusal(function), StringComparison.Ordinal);
        holder.Client.Dispose();
    }

    [Fact]
    public void Package_ResourceCapturedInAnOuterScope_IsNamedThroughTheNestedClosures()
    {
        using var cancellation = new CancellationTokenSource();
        Func<long, long>? function = null;
        for (var i = 0; i < 1; i++)
        {
            var step = i + 1;
            function = x => cancellation.IsCancellationRequested ? 0 : x + step;
        }

        Assert.StartsWith("the function captures 'cancellation' of type System.Threading.CancellationTokenSource", Refusal(function!), StringComparison.Ordinal);
    }

    [Fact]
    public void Package_ValueDeclaredAsObject_IsRefusedBecauseJsonWouldRestoreAnotherType()
    {
        object boxed = 5;
        Func<long, long> function = x => x + (int)boxed;

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'boxed' of type System.Int32", message, StringComparison.Ordinal);
        Assert.Contains("declared as System.Object", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_ObjectWithAPrivateField_IsRefusedNamingTheField()
    {
        var counter = new Counter();
        Func<long, long> function = x => counter.Add(x);

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'counter._total' of type System.Int64", message, StringComparison.Ordinal);
        Assert.Contains("make it a public property", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_DerivedValueInABaseTypedVariable_IsRefusedBecauseOnlyTheBasePartWouldTravel()
    {
        Shape shape = new Circle { Name = "c", Radius = 2 };
        Func<long, long> function = x => x + shape.Name.Length;

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'shape' of type ActorMap.Functions.Tests.Shipping.CaptureCheckSpec.Circle", message, StringComparison.Ordinal);
        Assert.Contains("only the ActorMap.Functions.Tests.Shipping.CaptureCheckSpec.Shape part", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_LazySequence_IsRefusedAskingToMaterializeIt()
    {
        var doubled = Enumerable.Range(0, 3).Select(i => i * 2);
        Func<long, long> function = x => x + doubled.Sum();

        var message = Refusal(function);

        Assert.StartsWith("the function captures 'doubled' of type", message, StringComparison.Ordinal);
        Assert.Contains("ToArray()", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Package_Cycle_IsRefused()
    {
        var node = new Node { Value = 1 };
        node.Next = node;
        Func<long, long> function = x => x + node.Value;

        Assert.Contains("refers back to itself", Refusal(function), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_PlainData_Passes()
    {
        var offset = 3;
        var weights = new[] { 1.5, double.NaN };
        var names = new List<string> { "a", "b" };
        var table = new Dictionary<string, Point> { ["origin"] = new Point(0, 0) };
        var point = new Point(1, 2);
        var when = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var pair = (Left: 1, Right: "r");
        Func<long, long> function = x => x + offset + weights.Length + names.Count + table.Count + point.X + when.Year + pair.Left;

        CaptureCheck.Verify(function.Target!);
        var json = TargetJson.Write(function.Target!);

        Assert.Contains("\"offset\":3", System.Text.Encoding.UTF8.GetString(json), StringComparison.Ordinal);
    }

    private static string Refusal(Delegate function) =>
        Assert.Throws<UnshippableFunctionException>(() => s_packager.Package(function)).Message;

    public sealed record Point(long X, long Y);

    public sealed class Helper(long factor)
    {
        public long Times(long x) => x * factor;
    }

    public sealed class ClientHolder
    {
        public HttpClient Client { get; } = new();

        public long Use(long x) => x + Client.Timeout.Seconds;
    }

    public sealed class Counter
    {
        private long _total;

        public long Add(long x) => _total += x;
    }

    public class Shape
    {
        public string Name { get; set; } = "";
    }

    public sealed class Circle : Shape
    {
        public long Radius { get; set; }
    }

    public sealed class Node
    {
        public long Value { get; set; }

        public Node? Next { get; set; }
    }
}
