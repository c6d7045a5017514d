using System;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// A small bounded first-in-first-out hand-over of batches between two threads that blocks without
/// spinning.
/// </summary>
/// <remarks>
/// BlockingCollection spins before it blocks. With three busy threads on two cores (a reader, an applier
/// and a second applier or the pipeline thread) that spinning took CPU from the thread that sets the pace:
/// a third of the CPU in the pipeline form, and in FileIngestor the visit applier spent 60% of its CPU
/// spinning while the reader was the critical path. Here a waiting thread sleeps at once. Hand-overs are
/// per batch, so the lock is rarely contended.
/// </remarks>
internal sealed class BatchChannel<T>
    where T : class
{
    private readonly T?[] _items;
    private readonly object _gate = new object();
    private int _head;
    private int _count;
    private bool _completed;
    private int _waiting;

    public BatchChannel(int capacity)
    {
        _items = new T?[capacity];
    }

    /// <summary>Adds <paramref name="item"/>, waiting while the channel is full.</summary>
    public void Add(T item, CancellationToken cancellation)
    {
        lock (_gate)
        {
            while (_count == _items.Length)
            {
                Wait(cancellation);
            }

            Enqueue(item);
        }
    }

    /// <summary>Takes the oldest item, waiting while the channel is empty; null once it is empty and completed.</summary>
    public T? Take(CancellationToken cancellation)
    {
        lock (_gate)
        {
            while (_count == 0)
            {
                if (_completed)
                {
                    return null;
                }

                Wait(cancellation);
            }

            return Dequeue();
        }
    }

    /// <summary>Takes the oldest item if there is one, without waiting.</summary>
    public T? TryTake()
    {
        lock (_gate)
        {
            return _count == 0 ? null : Dequeue();
        }
    }

    /// <summary>Adds <paramref name="item"/> if there is room, without waiting (for handing back spare batches).</summary>
    public bool TryAdd(T item)
    {
        lock (_gate)
        {
            if (_count == _items.Length)
            {
                return false;
            }

            Enqueue(item);
            return true;
        }
    }

    /// <summary>No more items will come: takers return null once the channel is empty.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            _completed = true;
            WakeWaiters();
        }
    }

    private void Enqueue(T item)
    {
        _items[(_head + _count) % _items.Length] = item;
        _count++;
        WakeWaiters();
    }

    private T Dequeue()
    {
        var item = _items[_head]!;
        _items[_head] = null;
        _head = (_head + 1) % _items.Length;
        _count--;
        WakeWaiters();
        return item;
    }

    /// <summary>Waits for a change, waking now and then to notice cancellation (a token cannot pulse a monitor).</summary>
    private void Wait(CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        _waiting++;
        try
        {
            Monitor.Wait(_gate, 50);
        }
        finally
        {
            _waiting--;
        }

        cancellation.ThrowIfCancellationRequested();
    }

    /// <summary>Pulses only when someone waits: most hand-overs find the other side busy, and a needless pulse costs a lock round.</summary>
    private void WakeWaiters()
    {
        if (_waiting > 0)
        {
            Monitor.PulseAll(_gate);
        }
    }
}
