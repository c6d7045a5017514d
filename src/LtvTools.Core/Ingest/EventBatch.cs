using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>A block of accepted events and rejections handed from a reader thread to the dataset's writer.</summary>
internal sealed class EventBatch
{
    public const int Capacity = 4096;

    public CompactEvent[] Events { get; } = new CompactEvent[Capacity];

    public int Count { get; set; }

    /// <summary>Rejections in input order, with line numbers counted from the start of their chunk.</summary>
    public List<EventRejection> Rejections { get; } = new List<EventRejection>();

    /// <summary>The number of the chunk the batch comes from (in file order).</summary>
    public int Chunk { get; set; }

    /// <summary>How far into the file the reader was when it sent the batch.</summary>
    public long FilePosition { get; set; }

    /// <summary>True on the last batch of a chunk, which also carries the chunk's newline count.</summary>
    public bool EndsChunk { get; set; }

    public long ChunkNewlines { get; set; }

    /// <summary>Set when reading the chunk failed (I/O); the ingest is abandoned with this error.</summary>
    public Exception? Failure { get; set; }

    /// <summary>Most rejections a batch holds, so a file of bad records costs bounded memory too.</summary>
    public const int RejectionCapacity = 256;

    public bool IsFull => Count == Capacity || Rejections.Count == RejectionCapacity;

    /// <summary>How many appliers still read the batch; the last one recycles it.</summary>
    public int PendingAppliers;

    public void Reset()
    {
        Count = 0;
        Rejections.Clear();
        EndsChunk = false;
        ChunkNewlines = 0;
        Failure = null;
    }
}
