using ActorMap.Runtime.Actor;

namespace ActorMap.Runtime.Tests.Actor;

public class ActorPathSpec
{
    private static readonly ActorPath s_root = ActorPath.RootOf(Address.Local("sys"));

    [Fact]
    public void Child_ByDivision_BuildsHierarchicalPath()
    {
        var path = s_root / "user" / "job-7" / "router" / "worker-3";

        Assert.Equal("actormap://sys/user/job-7/router/worker-3", path.ToString());
        Assert.Equal("/user/job-7/router/worker-3", path.ToStringWithoutAddress());
        Assert.Equal("worker-3", path.Name);
        Assert.Equal(s_root / "user" / "job-7" / "router", path.Parent);
        Assert.Equal(["user", "job-7", "router", "worker-3"], path.Elements);
        Assert.Equal(4, path.Depth);
        Assert.Equal(s_root, path.Root);
    }

    [Theory]
    [InlineData("actormap://sys/")]
    [InlineData("actormap://sys/user/a")]
    [InlineData("actormap://sys/user/job-7/router/$a")]
    [InlineData("actormap.tcp://cluster@10.0.0.5:4053/user/worker-3")]
    [InlineData("actormap.tcp://cluster@node-a.local:0/system/receptionist")]
    public void TryParse_OfToString_RoundTrips(string text)
    {
        Assert.True(ActorPath.TryParse(text, out var path));
        Assert.Equal(text, path.ToString());
        Assert.True(ActorPath.TryParse(path.ToString(), out var again));
        Assert.Equal(path, again);
    }

    [Theory]
    [InlineData("")]
    [InlineData("user/a")]
    [InlineData("actormap:/sys/user")]
    [InlineData("actormap://sys@host/user")]
    [InlineData("actormap://sys@host:99999/user")]
    [InlineData("actormap://sys/user/a b")]
    [InlineData("actormap://sys/user//a")]
    public void TryParse_Malformed_ReturnsFalse(string text) => Assert.False(ActorPath.TryParse(text, out _));

    [Fact]
    public void Address_OfRemotePath_CarriesHostAndPort()
    {
        var path = ActorPath.Parse("actormap.tcp://cluster@10.0.0.5:4053/user/w");

        Assert.Equal(new Address("actormap.tcp", "cluster", "10.0.0.5", 4053), path.Address);
        Assert.False(path.Address.HasLocalScope);
    }

    [Fact]
    public void Equals_SameElementsDifferentAddress_IsFalse()
    {
        var local = s_root / "user" / "a";
        var remote = local.WithAddress(new Address("actormap.tcp", "sys", "h", 1));

        Assert.NotEqual(local, remote);
        Assert.Equal(local.Elements, remote.Elements);
        Assert.Equal("actormap.tcp://sys@h:1/user/a", remote.ToString());
    }

    [Fact]
    public void Child_WithInvalidName_Throws() =>
        Assert.Throws<InvalidActorNameException>(() => s_root / "a/b");
}
