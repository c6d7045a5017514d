using System;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core;

/// <summary>
/// Reads one event file as objects, like <see cref="EventFileReader"/>, but parses on a background thread
/// while the caller consumes: in <c>Import-LtvEvents | ...</c> the pipeline thread then only passes objects
/// on. Events and rejections arrive in file order; small files are read on the calling thread alone.
/// </summary>
/// <remarks>
/// At most <see cref="BatchesInFlight"/> batches of <see cref="ReadAheadBatch.Capacity"/> records are read
/// ahead, so memory stays bounded however slow the consumer is. Dispose stops the reader thread and
/// closes the file before it returns.
/// </remarks>
internal sealed class ReadAheadEventReader : IDisposable
{
    // Eight, not two: in Import-LtvEvents | Get-TopLtvCustomer the reader shares a core with the writer
    // thread, and a deeper buffer rides out the moments it gets none, so the pipeline thread waits less
    // (1M events: 1.455 -> 1.335 s). At most about 2,000 events, or 256 rejections of 4 KB per batch.
    private const int BatchesInFlight = 8;

    private readonly EventFileReader _reader;
    private readonly CancellationTokenSource _stop;
    private readonly BatchChannel<ReadAheadBatch>? _ready;
    private readonly BatchChannel<ReadAheadBatch> _spare = new BatchChannel<ReadAheadBatch>(BatchesInFlight + 2);
    private readonly Task? _producer;
    private ReadAheadBatch? _current;
    private int _next;
    private long _position;
    private bool _ended;

    /// <summary>Opens <paramref name="path"/>; files of at least <paramref name="readAheadThresholdBytes"/> are parsed on another thread.</summary>
    public ReadAheadEventReader(string path, ExchangeRateTable? rates = null, CancellationToken cancellation = default, long readAheadThresholdBytes = 1L << 20)
    {
        // Opened here, so a file that cannot be opened fails in the caller, as EventFileReader would. A pipe is
        // read on the calling thread: a reader thread blocked in a read that no writer ends could not be stopped.
        _reader = new EventFileReader(path ?? throw new ArgumentNullException(nameof(path)), EventFile.Open(path), rates, cancellation);
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        if (_reader.HasLength && _reader.Length >= readAheadThresholdBytes && Environment.ProcessorCount > 1)
        {
            _ready = new BatchChannel<ReadAheadBatch>(BatchesInFlight);
            _producer = Task.Factory.StartNew(Produce, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }
    }

    public string Path => _reader.Path;

    /// <summary>Bytes of the file on disk, or 0 for a pipe (see <see cref="HasLength"/>).</summary>
    public long Length => _reader.Length;

    /// <summary>False for a pipe, a FIFO or another stream whose length is not known in advance (read on the calling thread).</summary>
    public bool HasLength => _reader.HasLength;

    /// <summary>Bytes of the file consumed by the records returned so far (roughly: it moves a batch at a time).</summary>
    public long Position => _ready is null ? _reader.Position : _position;

    /// <summary>The file's accounting; complete once <see cref="Read"/> has returned false.</summary>
    public IngestSummary Summary => _reader.Summary;

    /// <summary>
    /// The next record: returns false at the end, otherwise exactly one of <paramref name="accepted"/> and
    /// <paramref name="rejection"/> is set. A read failure of the file is thrown here, after every record before it.
    /// </summary>
    public bool Read(out LtvEvent? accepted, out EventRejection? rejection)
    {
        if (_ready is null)
        {
            _stop.Token.ThrowIfCancellationRequested();
            return _reader.Read(out accepted, out rejection);
        }

        accepted = null;
        rejection = null;
        while (!_ended)
        {
            if (_current != null && _next < _current.Count)
            {
                var item = _current.Items[_next];
                _current.Items[_next++] = null;
                accepted = item as LtvEvent;
                rejection = item as EventRejection;
                return true;
            }

            if (_current != null)
            {
                if (_current.Failure != null)
                {
                    _ended = true;
                    ExceptionDispatchInfo.Capture(_current.Failure).Throw();
                }

                _ended = _current.EndsFile;
                _current.Count = 0;
                _spare.TryAdd(_current);
                _current = null;
                continue;
            }

            _current = _ready.Take(_stop.Token)!;
            _next = 0;
            _position = _current.FilePosition;
        }

        return false;
    }

    public void Dispose()
    {
        _stop.Cancel();
        try
        {
            _producer?.Wait();
        }
        catch (AggregateException)
        {
            // The producer ends by cancellation here; failures were handed to Read.
        }

        _reader.Dispose();
        _stop.Dispose();
    }

    [MethodImpl(HotPath.Optimized)]
    private void Produce()
    {
        var token = _stop.Token;
        var batch = new ReadAheadBatch();
        try
        {
            while (_reader.Read(out var accepted, out var rejection))
            {
                batch.Items[batch.Count++] = (object?)accepted ?? rejection;
                if (batch.Count == ReadAheadBatch.Capacity)
                {
                    batch.FilePosition = _reader.Position;
                    _ready!.Add(batch, token);
                    batch = _spare.TryTake() ?? new ReadAheadBatch();
                }
            }

            batch.FilePosition = _reader.Length;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            return;
        }
        catch (Exception ex)
        {
            // Handed to the consumer, which must never wait for a batch that will not come.
            batch.Failure = ex;
        }

        batch.EndsFile = true;
        try
        {
            _ready!.Add(batch, token);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
