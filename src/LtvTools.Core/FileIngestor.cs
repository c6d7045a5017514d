using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace LtvTools.Core
{
    /// <summary>
    /// Reads event files straight into a dataset, with no event objects in between. Large plain NDJSON
    /// files are cut at line boundaries and read on several threads; results are identical to one pass
    /// because every event carries its input position (file and byte offset) into the dataset.
    /// </summary>
    /// <remarks>
    /// Callbacks (<see cref="Rejected"/>, <see cref="Progress"/>) always run on the calling thread, in input
    /// order, so a PowerShell cmdlet can write errors and progress from them.
    /// </remarks>
    public sealed class FileIngestor
    {
        private const int RecordsBetweenChecks = 1024;
        private const int ProbeBytes = 1 << 16;

        private readonly LtvOptions _options;

        public FileIngestor(LtvOptions? options = null)
        {
            _options = options ?? LtvOptions.Default;
        }

        /// <summary>Threads used for one large NDJSON file; 1 reads everything on the calling thread.</summary>
        public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

        /// <summary>Files smaller than this are read on the calling thread.</summary>
        public long ParallelThresholdBytes { get; set; } = 8L << 20;

        /// <summary>Chunk size for parallel reading; 0 picks one from the file size.</summary>
        public long ChunkBytes { get; set; }

        /// <summary>Called for every record that is not accepted.</summary>
        public Action<EventRejection>? Rejected { get; set; }

        /// <summary>Called now and then with (bytes done, bytes in the file).</summary>
        public Action<long, long>? Progress { get; set; }

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

            var plan = ChunkPlan.Create(path, MaxDegreeOfParallelism, ParallelThresholdBytes, ChunkBytes);
            return plan is null
                ? IngestSerial(path, dataset, cancellation)
                : IngestParallel(path, plan, dataset, cancellation);
        }

        private IngestSummary IngestSerial(string path, LtvDataset dataset, CancellationToken cancellation)
        {
            using (var reader = new EventFileReader(path, _options.ExchangeRates))
            {
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

                reader.CompleteInto(dataset);
                Progress?.Invoke(reader.Length, reader.Length);
                return reader.Summary;
            }
        }

        private IngestSummary IngestParallel(string path, ChunkPlan plan, LtvDataset dataset, CancellationToken cancellation)
        {
            var summary = new IngestSummary(path) { Format = FileFormat.Ndjson, Bytes = plan.FileLength };
            var baseSequence = dataset.NextSequence;
            var duplicatesBefore = dataset.DuplicatesIgnored;
            var chunks = new ChunkResult[plan.Count];
            for (var i = 0; i < chunks.Length; i++)
            {
                chunks[i] = new ChunkResult();
            }

            var workerCount = Math.Min(MaxDegreeOfParallelism, plan.Count);
            var partials = new LtvDataset[workerCount];
            var next = -1;
            var gate = new object();
            using (var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation))
            {
                var workers = new Task[workerCount];
                for (var w = 0; w < workerCount; w++)
                {
                    var partial = partials[w] = new LtvDataset();
                    workers[w] = Task.Factory.StartNew(
                        () =>
                        {
                            int index;
                            while (!stop.IsCancellationRequested && (index = Interlocked.Increment(ref next)) < plan.Count)
                            {
                                var chunk = chunks[index];
                                try
                                {
                                    ReadChunk(path, plan, index, baseSequence, partial, chunk, stop.Token);
                                }
                                catch (Exception ex)
                                {
                                    chunk.Failure = ex;
                                    stop.Cancel();
                                }

                                lock (gate)
                                {
                                    chunk.Done = true;
                                    Monitor.PulseAll(gate);
                                }
                            }
                        },
                        CancellationToken.None,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default);
                }

                try
                {
                    ReportInOrder(path, plan, chunks, summary, gate, cancellation);
                }
                finally
                {
                    // Never leave a worker reading after we return, even on cancellation or failure.
                    stop.Cancel();
                    Task.WaitAll(workers);
                }
            }

            foreach (var chunk in chunks)
            {
                if (chunk.Failure != null && !(chunk.Failure is OperationCanceledException))
                {
                    throw new IOException($"Reading {path} failed: {chunk.Failure.Message}", chunk.Failure);
                }
            }

            cancellation.ThrowIfCancellationRequested();
            foreach (var partial in partials)
            {
                dataset.Merge(partial);
            }

            dataset.NextSequence = baseSequence + plan.FileLength + 1;
            summary.DuplicatesIgnored = dataset.DuplicatesIgnored - duplicatesBefore;
            Progress?.Invoke(plan.FileLength, plan.FileLength);
            return summary;
        }

        /// <summary>Waits for chunks in file order, turning their local line numbers into file line numbers.</summary>
        private void ReportInOrder(string path, ChunkPlan plan, ChunkResult[] chunks, IngestSummary summary, object gate, CancellationToken cancellation)
        {
            long linesBefore = 0;
            long bytesDone = 0;
            for (var i = 0; i < chunks.Length; i++)
            {
                var chunk = chunks[i];
                lock (gate)
                {
                    while (!chunk.Done)
                    {
                        Monitor.Wait(gate, 200);
                        cancellation.ThrowIfCancellationRequested();
                        Progress?.Invoke(bytesDone, plan.FileLength);
                    }
                }

                if (chunk.Failure != null)
                {
                    return;
                }

                foreach (var local in chunk.Rejections)
                {
                    Rejected?.Invoke(new EventRejection(path, local.Line + linesBefore, local.Reason, local.RawText));
                }

                summary.Accepted += chunk.Accepted;
                summary.Rejected += chunk.Rejections.Count;
                linesBefore += chunk.Newlines;
                bytesDone = plan.End(i);
                Progress?.Invoke(bytesDone, plan.FileLength);
                chunk.Rejections.Clear();
            }
        }

        private void ReadChunk(string path, ChunkPlan plan, int index, long baseSequence, LtvDataset partial, ChunkResult result, CancellationToken cancellation)
        {
            var file = EventFile.OpenRaw(path);
            file.Position = plan.Start(index);
            using (var records = new EventRecordReader(file, FileFormat.Ndjson, plan.Start(index), plan.End(index) - plan.Start(index)))
            {
                var sinceCheck = 0;
                while (records.Read())
                {
                    if (++sinceCheck == RecordsBetweenChecks)
                    {
                        sinceCheck = 0;
                        cancellation.ThrowIfCancellationRequested();
                    }

                    if (records.FramingError != null)
                    {
                        result.Rejections.Add(new EventRejection(path, records.Line, records.FramingError, records.FramingRawText));
                        continue;
                    }

                    var record = records.Current;
                    if (EventRecordParser.TryParse(record, _options.ExchangeRates, out var fields, out var reason))
                    {
                        partial.Add(fields, baseSequence + records.Offset);
                        result.Accepted++;
                    }
                    else
                    {
                        result.Rejections.Add(new EventRejection(path, records.Line, reason, Utf8.ForMessage(record, RecordLimits.MaxRawTextBytes)));
                    }
                }

                result.Newlines = records.LinesRead;
            }
        }

        private sealed class ChunkResult
        {
            public long Accepted;
            public long Newlines;
            public bool Done;
            public Exception? Failure;
            public readonly List<EventRejection> Rejections = new List<EventRejection>();
        }
    }
}
