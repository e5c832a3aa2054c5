namespace ActorMap.Runtime.Actor;

/// <summary>Equality, ordering and formatting shared by every kind of ref.</summary>
internal abstract class ActorRefBase : IInternalActorRef
{
    public abstract ActorPath Path { get; }

    /// <summary>Distinguishes incarnations that reuse a path; 0 means "any".</summary>
    public virtual int Uid => 0;

    public virtual bool IsTerminated => false;

    /// <summary>The system this ref belongs to, when it belongs to one here.</summary>
    public virtual ActorSystem? System => null;

    public abstract void Tell(object message, IActorRef? sender);

    public virtual void SendSystemMessage(SystemMessage message)
    {
    }

    public virtual void Stop()
    {
    }

    public bool Equals(IActorRef? other)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }
        if (other is null || !Path.Equals(other.Path))
        {
            return false;
        }
        var otherUid = other is ActorRefBase b ? b.Uid : 0;
        return Uid == 0 || otherUid == 0 || Uid == otherUid;
    }

    public override bool Equals(object? obj) => obj is IActorRef other && Equals(other);

    public override int GetHashCode() => Path.GetHashCode();

    public int CompareTo(IActorRef? other) => other is null ? 1 : Path.CompareTo(other.Path);

    public override string ToString() => Uid == 0 ? $"[{Path}]" : $"[{Path}#{Uid}]";
}
