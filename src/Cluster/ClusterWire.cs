using System.Collections.Immutable;
using ActorMap.Cluster.Membership;
using ActorMap.Messages.Cluster;
using ActorMap.Remote;
using ActorMap.Runtime.Actor;
using Google.Protobuf;
using WireStatus = ActorMap.Messages.Cluster.MemberStatus;

namespace ActorMap.Cluster;

/// <summary>Maps the daemons' messages to cluster.proto, so they can cross nodes.</summary>
internal static class ClusterWire
{
    public static void Register(Serialization serialization)
    {
        serialization.Register<Join>("actormap.cluster.Join",
            j => new JoinRequest { Node = ToWire(j.Node), Roles = { j.Roles }, Workers = j.Workers }.ToByteString(),
            b =>
            {
                var w = JoinRequest.Parser.ParseFrom(b);
                return new Join(FromWire(w.Node), [.. w.Roles], w.Workers);
            });
        serialization.Register<Welcome>("actormap.cluster.Welcome",
            m => new JoinWelcome { Table = ToWire(m.State) }.ToByteString(),
            b => new Welcome(FromWire(JoinWelcome.Parser.ParseFrom(b).Table)));
        serialization.Register<StateUpdate>("actormap.cluster.StateUpdate",
            m => new TableUpdate { Table = ToWire(m.State) }.ToByteString(),
            b => new StateUpdate(FromWire(TableUpdate.Parser.ParseFrom(b).Table)));
        serialization.Register<Heartbeat>("actormap.cluster.Heartbeat",
            m => new MemberHeartbeat { From = ToWire(m.From) }.ToByteString(),
            b => new Heartbeat(FromWire(MemberHeartbeat.Parser.ParseFrom(b).From)));
        serialization.Register<HeartbeatResponse>("actormap.cluster.HeartbeatResponse",
            m => new MemberHeartbeatResponse { From = ToWire(m.From) }.ToByteString(),
            b => new HeartbeatResponse(FromWire(MemberHeartbeatResponse.Parser.ParseFrom(b).From)));
        serialization.Register<Leave>("actormap.cluster.Leave",
            m => new LeaveRequest { Node = ToWire(m.Node) }.ToByteString(),
            b => new Leave(FromWire(LeaveRequest.Parser.ParseFrom(b).Node)));
        serialization.Register<DownMember>("actormap.cluster.Down",
            m => new DownRequest { Address = m.Address.ToString() }.ToByteString(),
            b => new DownMember(ParseAddress(DownRequest.Parser.ParseFrom(b).Address)));
    }

    private static NodeId ToWire(UniqueAddress node) => new() { Address = node.Address.ToString(), Uid = (ulong)node.Uid };

    private static UniqueAddress FromWire(NodeId node) => new(ParseAddress(node.Address), (long)node.Uid);

    private static Address ParseAddress(string text) =>
        ActorPath.TryParse(text, out var path) ? path.Address : throw new FormatException($"'{text}' is not a node address");

    private static MembershipTable ToWire(ClusterState state)
    {
        var table = new MembershipTable { Version = state.Version };
        if (state.Leader is { } leader)
        {
            table.Leader = ToWire(leader);
        }
        foreach (var member in state.Members.Values)
        {
            table.Members.Add(new MemberInfo
            {
                Node = ToWire(member.UniqueAddress),
                Status = (WireStatus)(int)member.Status,
                Roles = { member.Roles },
                Workers = member.Workers,
            });
        }
        table.Unreachable.Add(state.Unreachable.Select(ToWire));
        return table;
    }

    private static ClusterState FromWire(MembershipTable table)
    {
        var members = ImmutableSortedDictionary.CreateBuilder<UniqueAddress, Member>();
        foreach (var m in table.Members)
        {
            var node = FromWire(m.Node);
            members[node] = new Member(node, (Membership.MemberStatus)(int)m.Status, [.. m.Roles], m.Workers);
        }
        return new ClusterState(
            table.Version,
            table.Leader is null ? null : FromWire(table.Leader),
            members.ToImmutable(),
            [.. table.Unreachable.Select(FromWire)]);
    }
}
