using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core;

/// <summary>
/// Takes events into a dataset on a thread of its own, in the order they were added, so the caller (a
/// cmdlet's ProcessRecord in <c>Import-LtvEvents | Get-TopLtvCustomer</c>) only hands them over. Results
/// are those of adding the same events in the same order on the caller's thread.
/// </summary>
/// <remarks>
/// Events travel in compact form (no reference to the event object), in batches, at most
/// <see cref="BatchesInFlight"/> at a time: a fast producer waits instead of buffering the input, and the
/// event objects die young instead of being kept alive across garbage collections by the queue. Until the
/// first batch fills, nothing runs in the background, so a few events cost no thread. The dataset must not
/// be touched by anyone else between <see cref="Flush"/> calls.
/// </remarks>
internal sealed class BackgroundDatasetWriter : IDisposable
{
    private const int BatchesInFlight = 3;

    private readonly LtvDataset _dataset;
    private readonly CancellationTokenSource _stop;
    private readonly BatchChannel<EventBatch> _full = new BatchChannel<EventBatch>(BatchesInFlight);
    private readonly BatchChannel<EventBatch> _spare = new BatchChannel<EventBatch>(BatchesInFlight + 2);
    private readonly object _gate = new object();
    private EventBatch _filling = new EventBatch();
    private Task? _worker;
    private long _posted;
    private long _applied;
    private long _duplicates;
    private Exception? _failure;

    public BackgroundDatasetWriter(LtvDataset dataset, CancellationToken cancellation = default)
    {
        _dataset = dataset ?? throw new ArgumentNullException(nameof(dataset));
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
    }

    /// <summary>Duplicates found among the events added through this writer; complete after <see cref="Flush"/>.</summary>
    public long DuplicatesIgnored => Interlocked.Read(ref _duplicates);

    /// <summary>Queues <paramref name="e"/> for the dataset.</summary>
    /// <exception cref="ArgumentException">The event cannot be counted (see <see cref="LtvDataset.Check"/>).</exception>
    public void Add(LtvEvent e)
    {
        if (!TryAdd(e, out var problem))
        {
            throw new ArgumentException(problem, nameof(e));
        }
    }

    /// <summary>
    /// Queues <paramref name="e"/> for the dataset, or returns false with the reason
    /// the dataset cannot count it (see <see cref="LtvDataset.Check"/>): one check per event on the hot path.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool TryAdd(LtvEvent e, out string? problem)
    {
        problem = LtvDataset.Check(e);
        if (problem != null)
        {
            return false;
        }

        try
        {
            _dataset.AdoptRateOf(e);
        }
        catch (InvalidOperationException ex)
        {
            problem = ex.Message;
            return false;
        }

        _filling.Events[_filling.Count++] = CompactEvent.From(e);
        if (_filling.IsFull)
        {
            Post();
        }

        return true;
    }

    /// <summary>Returns once every event added so far is in the dataset, which the caller may then use.</summary>
    public void Flush()
    {
        if (_worker is null)
        {
            // Never went to the background: a small input is applied here and now.
            Apply(_filling);
            _filling.Reset();
            return;
        }

        if (_filling.Count > 0)
        {
            Post();
        }

        lock (_gate)
        {
            while (_applied < _posted && _failure is null)
            {
                if (!Monitor.Wait(_gate, 100))
                {
                    _stop.Token.ThrowIfCancellationRequested();
                }
            }
        }

        ThrowIfFailed();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _full.Complete();
        try
        {
            _worker?.Wait();
        }
        catch (AggregateException)
        {
            // The worker ends by cancellation here; failures were handed to Add or Flush.
        }

        _stop.Dispose();
    }

    private void Post()
    {
        ThrowIfFailed();
        _worker ??= Task.Factory.StartNew(Work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        lock (_gate)
        {
            _posted += _filling.Count;
        }

        _full.Add(_filling, _stop.Token);
        _filling = _spare.TryTake() ?? new EventBatch();
    }

    [MethodImpl(HotPath.Optimized)]
    private void Work()
    {
        try
        {
            EventBatch? batch;
            while ((batch = _full.Take(_stop.Token)) != null)
            {
                var applied = Apply(batch);
                batch.Reset();
                _spare.TryAdd(batch);
                lock (_gate)
                {
                    _applied += applied;
                    Monitor.PulseAll(_gate);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            lock (_gate)
            {
                _failure = ex;
                Monitor.PulseAll(_gate);
            }

            // Keep taking batches until disposed, so a caller blocked handing one over is released and
            // sees the failure on its next Add or Flush instead of waiting forever.
            try
            {
                while (_full.Take(_stop.Token) != null)
                {
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private int Apply(EventBatch batch)
    {
        var duplicatesBefore = _dataset.DuplicatesIgnored;
        // The two sides share no state and no rule depends on arrival order, so they can be applied one after the other.
        _dataset.AddRange(batch.Events, 0, batch.Count, visitSide: false);
        _dataset.AddRange(batch.Events, 0, batch.Count, visitSide: true);

        Interlocked.Add(ref _duplicates, _dataset.DuplicatesIgnored - duplicatesBefore);
        return batch.Count;
    }

    private void ThrowIfFailed()
    {
        Exception? failure;
        lock (_gate)
        {
            failure = _failure;
        }

        if (failure != null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
        }
    }
}
