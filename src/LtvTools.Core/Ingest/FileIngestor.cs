using System;
using System.Collections.Concurrent;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core;

/// <summary>
/// Reads event files straight into a dataset, with no event objects in between. On large files reader
/// threads parse (a plain NDJSON file in line-aligned chunks) while the calling thread applies their
/// batches to the dataset, so parsing and aggregation overlap. The dataset has a single writer, and no rule
/// of the dataset depends on the order events arrive in, so results equal one serial pass exactly.
/// </summary>
/// <remarks>
/// Callbacks (<see cref="Rejected"/>, <see cref="Progress"/>) always run on the calling thread, in input
/// order, so a PowerShell cmdlet can write errors and progress from them.
/// </remarks>
internal sealed class FileIngestor
{
    private const int RecordsBetweenChecks = 1024;
    private const int BatchesInFlightPerChunk = 4;
    private const int BytesPerEventEstimate = 170;

    private readonly LtvOptions _options;

    public FileIngestor(LtvOptions? options = null)
    {
        _options = options ?? LtvOptions.Default;
    }

    /// <summary>Threads used on a large file (readers plus the calling thread); 1 reads everything on the calling thread.</summary>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Files smaller than this are read on the calling thread alone.</summary>
    public long ParallelThresholdBytes { get; set; } = 4L << 20;

    /// <summary>Chunk size for cutting plain NDJSON files; 0 picks one from the file size.</summary>
    public long ChunkBytes { get; set; }

    /// <summary>Called for every record that is not accepted.</summary>
    public Action<EventRejection>? Rejected { get; set; }

    /// <summary>Called now and then with (bytes done, bytes in the file); the total is 0 for a pipe, whose length is not known.</summary>
    public Action<long, long>? Progress { get; set; }

    /// <summary>Whether the last file was read by reader threads (else on the calling thread alone); for tests.</summary>
    internal bool LastFileReadInParallel { get; private set; }

    /// <summary>Reads one file into <paramref name="dataset"/> and returns its accounting.</summary>
    public IngestSummary IngestFile(string path, LtvDataset dataset, CancellationToken cancellation = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        dataset.UseExchangeRates(_options.ExchangeRates);

        // Sized from the file actually opened (a symbolic link's target), once, instead of rehashing every
        // table as it doubles; records of this kind average about 170 bytes, and a wrong guess only means a
        // table grows later. A pipe has no length: it is read once, forwards, on this thread.
        LastFileReadInParallel = false;
        var file = EventFile.Open(path);
        if (file.Length is long length)
        {
            dataset.EnsureCapacity(length / BytesPerEventEstimate);
            if (MaxDegreeOfParallelism >= 2 && length >= ParallelThresholdBytes)
            {
                file.Dispose();
                LastFileReadInParallel = true;
                var readers = Math.Max(1, MaxDegreeOfParallelism - 1);
                return IngestPipelined(path, ChunkPlan.Create(path, readers, ChunkBytes), readers, dataset, cancellation);
            }
        }

        return IngestSerial(path, file, dataset, cancellation);
    }

    [MethodImpl(HotPath.Optimized)]
    private IngestSummary IngestSerial(string path, EventFile file, LtvDataset dataset, CancellationToken cancellation)
    {
        using (var reader = new EventFileReader(path, file, _options.ExchangeRates, cancellation))
        {
            cancellation.ThrowIfCancellationRequested();
            var sinceCheck = 0;
            while (reader.Read(dataset, out _, out var rejection))
            {
                if (rejection != null)
                {
                    Rejected?.Invoke(rejection);
                }

                if (++sinceCheck == RecordsBetweenChecks)
                {
                    sinceCheck = 0;
                    cancellation.ThrowIfCancellationRequested();
                    Progress?.Invoke(reader.Position, reader.Length);
                }
            }

            Progress?.Invoke(reader.HasLength ? reader.Length : reader.Position, reader.Length);
            return reader.Summary;
        }
    }

    private IngestSummary IngestPipelined(string path, ChunkPlan plan, int readerCount, LtvDataset dataset, CancellationToken cancellation)
    {
        var summary = new IngestSummary(path) { Bytes = plan.FileLength, Format = plan.IsWholeFile ? FileFormat.Empty : FileFormat.Ndjson };
        var duplicatesBefore = dataset.DuplicatesIgnored;
        var queues = new BatchChannel<EventBatch>[plan.Count];
        for (var i = 0; i < queues.Length; i++)
        {
            queues[i] = new BatchChannel<EventBatch>(BatchesInFlightPerChunk);
        }

        var spare = new ConcurrentBag<EventBatch>();
        var next = -1;
        Exception? failure = null;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            var workers = new Task[Math.Min(readerCount, plan.Count)];
            for (var w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Factory.StartNew(
                    () =>
                    {
                        int index;
                        while ((index = Interlocked.Increment(ref next)) < plan.Count && !stop.IsCancellationRequested)
                        {
                            ReadChunk(path, plan, index, queues[index], spare, summary, stop.Token);
                        }
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            }

            try
            {
                failure = ApplyInOrder(path, plan, queues, spare, dataset, summary, cancellation);
            }
            finally
            {
                // Never leave a reader running (or a file open) after we return, even on cancellation.
                stop.Cancel();
                try
                {
                    Task.WaitAll(workers);
                }
                catch (AggregateException)
                {
                    // Readers stop by cancellation; a real failure was passed through their batches.
                }
            }
        }

        if (failure != null)
        {
            throw new IOException($"Reading {path} failed: {failure.Message}", failure);
        }

        summary.DuplicatesIgnored = dataset.DuplicatesIgnored - duplicatesBefore;
        Progress?.Invoke(plan.FileLength, plan.FileLength);
        return summary;
    }

    /// <summary>
    /// Applies batches chunk by chunk in file order, turning chunk line numbers into file line numbers. The
    /// calling thread applies orders and customer events; a second thread applies visits and images to the
    /// dataset's other side, which shares no state with the first, so both cores aggregate.
    /// </summary>
    private Exception? ApplyInOrder(string path, ChunkPlan plan, BatchChannel<EventBatch>[] queues, ConcurrentBag<EventBatch> spare, LtvDataset dataset, IngestSummary summary, CancellationToken cancellation)
    {
        Exception? visitFailure = null;
        var visitWork = new BatchChannel<EventBatch>(BatchesInFlightPerChunk * 2);
        var visitApplier = Task.Factory.StartNew(
            () =>
            {
                HelperThreadPriority.Lower();
                EventBatch? batch;
                while ((batch = visitWork.Take(CancellationToken.None)) != null)
                {
                    // After a failure keep taking batches unapplied, so the calling thread never waits on a full channel.
                    if (visitFailure == null)
                    {
                        try
                        {
                            ApplyVisitSide(batch, dataset);
                        }
                        catch (Exception ex)
                        {
                            visitFailure = ex;
                        }
                    }

                    Release(batch, spare);
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            return ApplyOrderSideInOrder(path, plan, queues, spare, visitWork, dataset, summary, cancellation);
        }
        finally
        {
            // The visit side must be complete (and idle) before anyone reads the dataset.
            visitWork.Complete();
            visitApplier.Wait();
            if (visitFailure != null)
            {
                throw new InvalidOperationException("Applying visits failed: " + visitFailure.Message, visitFailure);
            }
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private static void ApplyVisitSide(EventBatch batch, LtvDataset dataset) =>
        dataset.AddRange(batch.Events, 0, batch.Count, visitSide: true);

    [MethodImpl(HotPath.Optimized)]
    private Exception? ApplyOrderSideInOrder(string path, ChunkPlan plan, BatchChannel<EventBatch>[] queues, ConcurrentBag<EventBatch> spare, BatchChannel<EventBatch> visitWork, LtvDataset dataset, IngestSummary summary, CancellationToken cancellation)
    {
        long linesBefore = 0;
        foreach (var queue in queues)
        {
            while (true)
            {
                var batch = queue.Take(cancellation)!;
                batch.PendingAppliers = 2;
                visitWork.Add(batch, cancellation);
                dataset.AddRange(batch.Events, 0, batch.Count, visitSide: false);

                summary.Accepted += batch.Count;
                foreach (var local in batch.Rejections)
                {
                    summary.Rejected++;
                    Rejected?.Invoke(local.AfterLines(linesBefore));
                }

                Progress?.Invoke(batch.FilePosition, plan.FileLength);
                var ends = batch.EndsChunk;
                var failure = batch.Failure;
                linesBefore += batch.ChunkNewlines;
                Release(batch, spare);
                if (failure != null)
                {
                    return failure;
                }

                if (ends)
                {
                    break;
                }
            }
        }

        return null;
    }

    /// <summary>The last of the two appliers to finish with a batch hands it back for reuse.</summary>
    private static void Release(EventBatch batch, ConcurrentBag<EventBatch> spare)
    {
        if (Interlocked.Decrement(ref batch.PendingAppliers) == 0)
        {
            batch.Reset();
            spare.Add(batch);
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void ReadChunk(string path, ChunkPlan plan, int index, BatchChannel<EventBatch> queue, ConcurrentBag<EventBatch> spare, IngestSummary summary, CancellationToken cancellation)
    {
        EventBatch Fresh() => spare.TryTake(out var reused) ? reused : new EventBatch();

        var batch = Fresh();
        var texts = new Utf8TextCache();
        try
        {
            var start = plan.Start(index);
            var raw = EventFile.OpenRaw(path);
            if (!plan.IsWholeFile)
            {
                raw.Position = start;
            }

            using (var file = EventFile.Open(raw, decode: plan.IsWholeFile))
            using (var records = new ValidatedRecordReader(
                path,
                plan.IsWholeFile
                    ? new EventRecordReader(file.Decoded, ownsStream: false) { Cancellation = cancellation }
                    : new EventRecordReader(file.Decoded, FileFormat.Ndjson, start, plan.End(index) - start, ownsStream: false),
                _options.ExchangeRates))
            {
                summary.Compressed |= file.Compressed;
                var sinceCheck = 0;
                while (records.Read(out var fields, out var rejection))
                {
                    if (++sinceCheck == RecordsBetweenChecks)
                    {
                        sinceCheck = 0;
                        cancellation.ThrowIfCancellationRequested();
                    }

                    if (rejection != null)
                    {
                        batch.Rejections.Add(rejection);
                    }
                    else
                    {
                        batch.Events[batch.Count++] = CompactEvent.From(fields, texts);
                    }

                    if (batch.IsFull)
                    {
                        batch.FilePosition = file.Position;
                        queue.Add(batch, cancellation);
                        batch = Fresh();
                    }
                }

                if (plan.IsWholeFile)
                {
                    summary.Format = records.Records.Format;
                    summary.DecodedBytes = records.Records.BytesRead;
                }

                if (records.StoppedEarly)
                {
                    // Only a whole-file chunk stops early: NDJSON chunks have no error that ends them.
                    summary.ReadInPart = true;
                    summary.Unread = records.Unread;
                }

                batch.ChunkNewlines = records.Records.LinesRead;
                batch.FilePosition = plan.End(index);
            }
        }
        catch (OperationCanceledException)
        {
            return;
        }
        catch (Exception ex)
        {
            // Passed to the calling thread, which must never wait for a chunk that will not end.
            batch.Failure = ex;
        }

        batch.EndsChunk = true;
        try
        {
            queue.Add(batch, cancellation);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
