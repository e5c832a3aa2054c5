namespace ActorMap.Runtime.Supervision;

/// <summary>What a supervisor does with a child that threw.</summary>
public enum Directive
{
    /// <summary>Keep the actor and its state; the failing message is dropped.</summary>
    Resume,

    /// <summary>Replace the actor instance; ref and mailbox are kept, the failing message is dropped.</summary>
    Restart,

    /// <summary>Stop the child permanently.</summary>
    Stop,

    /// <summary>Fail the supervisor itself with the same exception, so its own parent decides.</summary>
    Escalate,
}
