using ActorMap.Hosting.Nodes;

namespace ActorMap.Hosting.Tests.Nodes;

public sealed class AdvertisedAddressSpec
{
    [Theory]
    [InlineData("actormap_worker_1", "'_' is not allowed")]
    [InlineData("-bad-", "is not a valid host name")]
    [InlineData("nosuch.invalid", "does not resolve")]
    [InlineData("198.18.0.77", "no address of this machine")]
    public void A_public_hostname_that_cannot_lead_back_here_must_fail_at_start_naming_the_setting(string host, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => AdvertisedAddress.Choose("0.0.0.0", host, "127.0.0.1", requireLocal: true));

        Assert.Contains($"{AdvertisedAddress.PublicKey} = '{host}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_worker_bound_to_every_interface_must_advertise_its_address_on_the_route_to_the_Seed()
    {
        Assert.Equal("127.0.0.1", AdvertisedAddress.Choose("0.0.0.0", "", "127.0.0.1", requireLocal: true));
    }

    [Fact]
    public void A_public_hostname_behind_NAT_must_be_taken_as_given_when_the_local_check_is_off()
    {
        Assert.Equal("198.18.0.77", AdvertisedAddress.Choose("0.0.0.0", "198.18.0.77", "127.0.0.1", requireLocal: false));
    }

    [Theory]
    [InlineData("akka.tcp://actormap@seed_1:4053", "'_' is not allowed")]
    [InlineData("akka.tcp://actormap@nosuch.invalid:4053", "does not resolve")]
    [InlineData("seed:4053", "is not an Akka address")]
    public void A_seed_address_that_cannot_be_dialled_must_fail_at_start_naming_seed_nodes(string seedNode, string why)
    {
        var error = Assert.Throws<ArgumentException>(() =>
            AdvertisedAddress.Choose("127.0.0.1", "", AdvertisedAddress.SeedHost(seedNode), requireLocal: true));

        Assert.Contains(AdvertisedAddress.SeedNodesKey, error.Message, StringComparison.Ordinal);
        Assert.Contains(why, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Seed_addressed_by_a_name_it_does_not_advertise_must_say_what_to_set_once_per_peer()
    {
        var lines = new MisaddressedLines();
        const string dropped = "[akka.tcp://actormap@localhost:4253/system/endpointManager/reliableEndpointWriter-akka.tcp://actormap@127.0.0.1:4299-1/endpointWriter] " +
            "Dropping message [Akka.Actor.ActorSelectionMessage] for non-local recipient [[akka.tcp://actormap@127.0.0.1:4253/]] arriving at " +
            "[akka.tcp://actormap@127.0.0.1:4253] inbound addresses [akka.tcp://actormap@localhost:4253]";

        var first = lines.Rewrite(dropped);
        var repeat = lines.Rewrite(dropped);

        Assert.NotNull(first);
        Assert.Contains("the node akka.tcp://actormap@127.0.0.1:4299 addresses this node as akka.tcp://actormap@127.0.0.1:4253", first, StringComparison.Ordinal);
        Assert.Contains(AdvertisedAddress.PublicKey, first, StringComparison.Ordinal);
        Assert.Contains("--seed at localhost:4253", first, StringComparison.Ordinal);
        Assert.Null(repeat);
        Assert.Equal("an unrelated line", lines.Rewrite("an unrelated line"));
    }
}
