using ActorMap.Compute.Jobs;

namespace ActorMap.Compute.Tests.Jobs;

public class MapFunctionSpec
{
    [Fact]
    public void Apply_OnRangeChunk_MapsEachValueWithoutMaterialisingTheRange()
    {
        var function = new MapFunction<long, long>(x => x * 10);

        var output = (ChunkOutput<long>)function.Apply(100, new RangeChunk(5, 3), null, CancellationToken.None);

        Assert.Equal([50L, 60L, 70L], output.Results);
    }

    [Fact]
    public void Apply_WhenAnElementThrows_NamesItsIndexInTheWholeInput()
    {
        var function = new MapFunction<long, long>(x => 100 / (x - 7));

        var error = Assert.Throws<ElementFailedException>(() => function.Apply(5, new RangeChunk(5, 5), null, CancellationToken.None));

        Assert.Equal(7, error.ElementIndex);
        Assert.IsType<DivideByZeroException>(error.InnerException);
    }

    [Fact]
    public void Apply_OnRows_PassesEachRow()
    {
        var function = new MapFunction<long[], int>(row => row.Count(v => v >= 4 && v <= 8));

        var output = (ChunkOutput<int>)function.Apply(0, new ArrayChunk<long[]>([[1, 5, 9], [4, 8, 2], []]), null, CancellationToken.None);

        Assert.Equal([1, 2, 0], output.Results);
    }

    [Fact]
    public void Apply_WhenCancelled_ThrowsOperationCanceled()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var function = new MapFunction<long, long>(x => x);

        Assert.Throws<OperationCanceledException>(() => function.Apply(0, new RangeChunk(0, 10), null, cts.Token));
    }

    [Fact]
    public void Apply_WithADestination_WritesInPlaceAndReturnsOnlyTheCount()
    {
        var target = new long[10];
        var function = new MapFunction<long, long>(x => x + 1);

        var output = function.Apply(4, new RangeChunk(4, 3), new ChunkDestination(target, 4), CancellationToken.None);

        Assert.IsType<InPlaceOutput>(output);
        Assert.Equal(3, output.Count);
        Assert.Equal([0L, 0, 0, 0, 5, 6, 7, 0, 0, 0], target);
    }

    [Fact]
    public void Apply_WithADestinationOfAnotherType_AllocatesItsOwnResults()
    {
        var function = new MapFunction<long, int>(x => (int)x);

        var output = function.Apply(0, new RangeChunk(0, 2), new ChunkDestination(new long[2], 0), CancellationToken.None);

        Assert.Equal([0, 1], ((ChunkOutput<int>)output).Results);
    }
}
