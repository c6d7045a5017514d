using System;

namespace LtvTools.Core;

/// <summary>Records handed from a <see cref="ReadAheadEventReader"/>'s thread to its consumer, in file order.</summary>
internal sealed class ReadAheadBatch
{
    public const int Capacity = 256;

    /// <summary>Each an <see cref="LtvEvent"/> or an <see cref="EventRejection"/>.</summary>
    public object?[] Items { get; } = new object?[Capacity];

    public int Count { get; set; }

    /// <summary>How far into the file the reader was after the batch's last record.</summary>
    public long FilePosition { get; set; }

    /// <summary>True on the last batch of the file.</summary>
    public bool EndsFile { get; set; }

    /// <summary>Set when reading failed after the batch's records; thrown to the consumer.</summary>
    public Exception? Failure { get; set; }
}
