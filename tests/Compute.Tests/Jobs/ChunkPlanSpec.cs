using ActorMap.Compute.Jobs;
using FsCheck;
using FsCheck.Fluent;

namespace ActorMap.Compute.Tests.Jobs;

public class ChunkPlanSpec
{
    [Theory]
    [InlineData(1_000_000, 2, 125_000)]
    [InlineData(10, 4, 1)]
    [InlineData(17, 1, 5)]
    [InlineData(1, 8, 1)]
    public void DefaultChunkSize_FollowsPoolMap(long length, int workers, int expected) =>
        Assert.Equal(expected, ChunkPlan.DefaultChunkSize(length, workers));

    [Fact]
    public void Chunks_CoverEveryIndexExactlyOnce_ForAnyLengthWorkersAndChunkSize()
    {
        var property = Prop.ForAll(
            Gen.Choose(0, 5000).ToArbitrary(),
            Gen.Choose(1, 16).ToArbitrary(),
            Gen.Choose(0, 300).ToArbitrary(),
            (length, workers, chunkSize) =>
            {
                var plan = new ChunkPlan(length, workers, chunkSize == 0 ? null : chunkSize);
                var covered = new int[length];
                for (var c = 0; c < plan.ChunkCount; c++)
                {
                    var first = plan.FirstIndex(c);
                    var count = plan.CountOf(c);
                    if (count < 1)
                    {
                        return false;
                    }
                    for (var i = 0; i < count; i++)
                    {
                        covered[first + i]++;
                    }
                }
                return covered.All(n => n == 1);
            });
        Check.One(Config.QuickThrowOnFailure.WithMaxTest(300), property);
    }

    [Fact]
    public void EmptyInput_HasNoChunks() => Assert.Equal(0, new ChunkPlan(0, 4, null).ChunkCount);

    [Fact]
    public void ChunkSizeLargerThanInput_GivesOneChunk()
    {
        var plan = new ChunkPlan(5, 2, 1000);

        Assert.Equal(1, plan.ChunkCount);
        Assert.Equal(5, plan.CountOf(0));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void NonPositiveChunkSize_IsRefused(int chunkSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ChunkPlan(10, 2, chunkSize));
}
