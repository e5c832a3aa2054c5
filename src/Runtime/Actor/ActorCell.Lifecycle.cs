using System.Runtime.ExceptionServices;
using ActorMap.Runtime.Event;

namespace ActorMap.Runtime.Actor;

internal sealed partial class ActorCell
{
    private bool _isTerminating;

    private ActorBase NewActorInstance()
    {
        ResetBehaviors();
        var previous = Current;
        Current = this;
        try
        {
            var actor = Props.NewActor();
            actor.Bind(this);
            actor.Constructed();
            return actor;
        }
        finally
        {
            Current = previous;
        }
    }

    private void Create()
    {
        try
        {
            _actor = NewActorInstance();
            _actor.AroundPreStart();
        }
        catch (Exception e)
        {
            _actor = null;
            throw new ActorInitializationException($"Exception while creating {Self.Path}: {e.Message}", e);
        }
    }

    private void Terminate()
    {
        if (_isTerminating || IsTerminated)
        {
            return;
        }
        _isTerminating = true;
        CancelAsyncWait();
        // No user message is processed from here on; leftovers go to dead letters at close.
        Mailbox.Suspend();
        var children = ChildStats;
        foreach (var child in children)
        {
            child.IsStopping = true;
            ((IInternalActorRef)child.Child).Stop();
        }
        if (children.Count == 0)
        {
            FinishTerminate();
        }
    }

    private void FinishTerminate()
    {
        try
        {
            _actor?.AroundPostStop();
        }
        catch (Exception e)
        {
            PublishError(e, "PostStop failed");
        }
        foreach (var leftover in Mailbox.Close())
        {
            ActorSystem.DeadSystemMessage(Self, leftover);
        }
        TellWatchersWeDied();
        UnwatchWatchedActors();
        _actor = null;
        ResetBehaviors();
        OnTerminated?.Invoke();
    }

    private void HandleChildTerminated()
    {
        if (_isTerminating)
        {
            if (!HasChildren)
            {
                FinishTerminate();
            }
        }
        else if (_pendingRecreate is { } cause && !HasStoppingChildren)
        {
            _pendingRecreate = null;
            FinishRecreate(cause);
        }
    }

    private void CancelAsyncWait()
    {
        if (_awaitingAsync)
        {
            _awaitingAsync = false;
            _asyncGeneration++;
            Mailbox.Resume();
        }
    }

    private bool _awaitingAsync;
    private int _asyncGeneration;

    /// <summary>
    /// A ReceiveAsync handler is still running: hold user messages until it completes, as
    /// Akka does, so the actor never sees two messages at once.
    /// </summary>
    internal void AwaitAsyncHandler(Task handler)
    {
        _awaitingAsync = true;
        var generation = ++_asyncGeneration;
        Mailbox.Suspend();
        handler.ContinueWith(
            static (task, state) =>
            {
                var (cell, generation) = ((ActorCell, int))state!;
                cell.SendSystemMessage(new AsyncHandlerCompleted(task, generation));
            },
            (this, generation),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private void AsyncHandlerFinished(AsyncHandlerCompleted completed)
    {
        if (!_awaitingAsync || completed.Generation != _asyncGeneration)
        {
            return;
        }
        _awaitingAsync = false;
        Mailbox.Resume();
        var task = completed.Handler;
        if (task.IsFaulted)
        {
            ExceptionDispatchInfo.Capture(task.Exception!.InnerExceptions[0]).Throw();
        }
        if (task.IsCanceled)
        {
            throw new TaskCanceledException(task);
        }
        _currentMessage = null;
    }

    internal void PublishError(Exception cause, string message) =>
        System.EventStream.Publish(new LogEvent(
            Microsoft.Extensions.Logging.LogLevel.Error, Self.Path.ToString(), _actor?.GetType() ?? typeof(ActorCell), message, cause));
}
