using ActorMap.Runtime.Supervision;

namespace ActorMap.Runtime.Actor;

internal sealed partial class ActorCell
{
    private bool _isFailed;
    private Exception? _pendingRecreate;
    private SupervisorStrategy? _supervisorStrategy;

    private bool HasStoppingChildren
    {
        get
        {
            foreach (var stats in ChildStats)
            {
                if (stats.IsStopping)
                {
                    return true;
                }
            }
            return false;
        }
    }

    internal SupervisorStrategy SupervisorStrategy =>
        _supervisorStrategy ??= _actor?.SupervisorStrategyInternal()
                                ?? Props.SupervisorStrategy
                                ?? Supervision.SupervisorStrategy.DefaultStrategy;

    /// <summary>
    /// The actor threw: suspend it and its children and let the parent decide. The mailbox keeps
    /// its messages, so whatever the directive, nothing queued is lost.
    /// </summary>
    private void HandleInvokeFailure(Exception cause)
    {
        if (_isTerminating)
        {
            PublishError(cause, "Exception while stopping");
            return;
        }
        if (_isFailed)
        {
            return;
        }
        _isFailed = true;
        Mailbox.Suspend();
        SuspendChildren();
        Parent.SendSystemMessage(new Failed(Self, cause, Self.Uid));
    }

    private void HandleFailed(Failed failed)
    {
        var stats = GetChildStats(failed.Child);
        // A failure from an earlier incarnation, or from a child we are already stopping, is stale.
        if (stats is null || stats.IsStopping)
        {
            return;
        }
        if (!SupervisorStrategy.HandleFailure(this, failed.Child, failed.Cause, stats, ChildStats))
        {
            // Escalate: fail as if we had thrown the child's exception ourselves.
            throw failed.Cause;
        }
    }

    private void SuspendChildren()
    {
        foreach (var child in ChildStats)
        {
            ((IInternalActorRef)child.Child).SendSystemMessage(SuspendActor.Instance);
        }
    }

    private void ResumeChildren()
    {
        foreach (var child in ChildStats)
        {
            ((IInternalActorRef)child.Child).SendSystemMessage(new ResumeActor(null));
        }
    }

    private void FaultSuspend()
    {
        Mailbox.Suspend();
        SuspendChildren();
    }

    private void FaultResume(Exception? causedByFailure)
    {
        if (_isTerminating)
        {
            return;
        }
        if (causedByFailure is not null)
        {
            if (!_isFailed)
            {
                return;
            }
            _isFailed = false;
            _currentMessage = null;
        }
        Mailbox.Resume();
        ResumeChildren();
    }

    private void FaultRecreate(Exception cause)
    {
        if (_isTerminating)
        {
            return;
        }
        // The caller suspended us first (our own failure, the parent's SuspendChildren, or
        // AllForOne's suspend of a sibling), so the single Resume in FinishRecreate balances it.
        CancelAsyncWait();
        if (_actor is { } failedActor)
        {
            try
            {
                failedActor.AroundPreRestart(cause, _currentMessage);
            }
            catch (Exception e)
            {
                PublishError(e, "PreRestart failed");
            }
        }
        _currentMessage = null;
        if (HasStoppingChildren)
        {
            _pendingRecreate = cause;
        }
        else
        {
            FinishRecreate(cause);
        }
    }

    private void FinishRecreate(Exception cause)
    {
        var survivors = ChildStats;
        _supervisorStrategy = null;
        try
        {
            _actor = NewActorInstance();
            _actor.AroundPostRestart(cause);
        }
        catch (Exception e)
        {
            // Still suspended from the original failure: report again without suspending twice.
            _actor = null;
            Parent.SendSystemMessage(new Failed(
                Self, new ActorInitializationException($"Exception while restarting {Self.Path}: {e.Message}", e), Self.Uid));
            return;
        }
        _isFailed = false;
        Mailbox.Resume();
        foreach (var survivor in survivors)
        {
            ((IInternalActorRef)survivor.Child).SendSystemMessage(new RecreateActor(cause));
        }
    }
}
