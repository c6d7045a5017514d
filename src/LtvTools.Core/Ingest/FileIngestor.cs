using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core;

/// <summary>
/// Reads event files straight into a dataset, with no event objects in between. On large files reader
/// threads parse (a plain NDJSON file in line-aligned chunks, several at once) while the calling thread and
/// a second applier apply their batches to the dataset as they come, so parsing and aggregation overlap.
/// Each side of the dataset has a single writer, and no rule of the dataset depends on the order events
/// arrive in, so results equal one serial pass exactly; rejections are still reported in file order.
/// </summary>
/// <remarks>
/// Callbacks (<see cref="Rejected"/>, <see cref="Progress"/>) always run on the calling thread, in input
/// order, so a PowerShell cmdlet can write errors and progress from them.
/// </remarks>
internal sealed class FileIngestor
{
    private const int RecordsBetweenChecks = 1024;
    private const int BatchesInFlightPerReader = 4;
    private const int BytesPerEventEstimate = 170;

    private readonly LtvOptions _options;

    public FileIngestor(LtvOptions? options = null)
    {
        _options = options ?? LtvOptions.Default;
    }

    /// <summary>
    /// Reader threads on a large file (the calling thread and a second applier aggregate beside them); 1 reads
    /// everything on the calling thread.
    /// </summary>
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
            dataset.Presize(length / BytesPerEventEstimate);
            if (MaxDegreeOfParallelism >= 2 && length >= ParallelThresholdBytes)
            {
                file.Dispose();
                LastFileReadInParallel = true;
                // As many readers as cores: parsing is most of the work, and with one reader it set the pace
                // while the appliers waited.
                var readers = MaxDegreeOfParallelism;
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
        var workers = new Task[Math.Min(readerCount, plan.Count)];
        var batches = new BatchChannel<EventBatch>(BatchesInFlightPerReader * workers.Length);
        var turn = new ChunkTurn();
        var spare = new ConcurrentBag<EventBatch>();
        var next = -1;
        Exception? failure = null;
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
        {
            for (var w = 0; w < workers.Length; w++)
            {
                workers[w] = Task.Factory.StartNew(
                    () =>
                    {
                        // Chunks are taken in file order, so the chunk that has the turn is always being read.
                        int index;
                        while ((index = Interlocked.Increment(ref next)) < plan.Count && !stop.IsCancellationRequested)
                        {
                            ReadChunk(path, plan, index, batches, spare, summary, turn, stop.Token);
                        }
                    },
                    CancellationToken.None,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default);
            }

            try
            {
                failure = Apply(plan, batches, spare, dataset, summary, turn, cancellation);
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
    /// Applies batches as they come from the readers. The calling thread applies orders and customer events;
    /// a second thread applies visits and images to the dataset's other side, which shares no state with the
    /// first, so both cores aggregate.
    /// </summary>
    private Exception? Apply(ChunkPlan plan, BatchChannel<EventBatch> batches, ConcurrentBag<EventBatch> spare, LtvDataset dataset, IngestSummary summary, ChunkTurn turn, CancellationToken cancellation)
    {
        Exception? visitFailure = null;
        var visitWork = new BatchChannel<EventBatch>(BatchesInFlightPerReader * 2);
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
            return ApplyOrderSide(plan, batches, spare, visitWork, dataset, summary, turn, cancellation);
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

    /// <summary>
    /// Applies each batch's orders and customer events as it comes, and reports rejections in file order: a
    /// chunk's as they come while it has the turn, a later chunk's when it gets it (with the line numbers of
    /// every chunk before added). A failed chunk ends the ingest once it has the turn, after every rejection
    /// before the failure has been reported.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private Exception? ApplyOrderSide(ChunkPlan plan, BatchChannel<EventBatch> batches, ConcurrentBag<EventBatch> spare, BatchChannel<EventBatch> visitWork, LtvDataset dataset, IngestSummary summary, ChunkTurn turn, CancellationToken cancellation)
    {
        var chunks = new ChunkState[plan.Count];
        long linesBefore = 0;
        long bytesDone = 0;
        while (turn.Current < plan.Count)
        {
            var batch = batches.Take(cancellation)!;
            batch.PendingAppliers = 2;
            visitWork.Add(batch, cancellation);
            dataset.AddRange(batch.Events, 0, batch.Count, visitSide: false);
            summary.Accepted += batch.Count;
            summary.Rejected += batch.Rejections.Count;

            ref var chunk = ref chunks[batch.Chunk];
            if (batch.Chunk == turn.Current)
            {
                foreach (var local in batch.Rejections)
                {
                    Rejected?.Invoke(local.AfterLines(linesBefore));
                }
            }
            else if (batch.Rejections.Count > 0)
            {
                (chunk.HeldBack ??= new List<EventRejection>()).AddRange(batch.Rejections);
            }

            var done = batch.FilePosition - plan.Start(batch.Chunk);
            bytesDone += done - chunk.BytesDone;
            chunk.BytesDone = done;
            if (batch.EndsChunk)
            {
                chunk.Ended = true;
                chunk.Newlines = batch.ChunkNewlines;
                chunk.Failure = batch.Failure;
            }

            Release(batch, spare);
            Progress?.Invoke(bytesDone, plan.FileLength);

            // Hands the turn on past every finished chunk, reporting what the next one held back.
            while (turn.Current < plan.Count && chunks[turn.Current].Ended)
            {
                if (chunks[turn.Current].Failure is Exception failure)
                {
                    return failure;
                }

                linesBefore += chunks[turn.Current].Newlines;
                turn.Advance();
                if (turn.Current < plan.Count && chunks[turn.Current].HeldBack is List<EventRejection> held)
                {
                    chunks[turn.Current].HeldBack = null;
                    foreach (var local in held)
                    {
                        Rejected?.Invoke(local.AfterLines(linesBefore));
                    }
                }
            }
        }

        return null;
    }

    /// <summary>What the applier knows of one chunk while it waits for its turn.</summary>
    private struct ChunkState
    {
        public List<EventRejection>? HeldBack;
        public long BytesDone;
        public bool Ended;
        public long Newlines;
        public Exception? Failure;
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
    private void ReadChunk(string path, ChunkPlan plan, int index, BatchChannel<EventBatch> queue, ConcurrentBag<EventBatch> spare, IngestSummary summary, ChunkTurn turn, CancellationToken cancellation)
    {
        EventBatch Fresh()
        {
            var fresh = spare.TryTake(out var reused) ? reused : new EventBatch();
            fresh.Chunk = index;
            return fresh;
        }

        var batch = Fresh();
        var rejectionsSent = 0;
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
                        rejectionsSent += batch.Rejections.Count;
                        queue.Add(batch, cancellation);
                        batch = Fresh();
                        if (rejectionsSent >= ChunkTurn.RejectionsAhead)
                        {
                            // The applier holds these back until this chunk's turn: wait for it rather than send more.
                            turn.WaitFor(index, cancellation);
                        }
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
