using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Which chunk of a file has its turn: the first one not yet finished. Batches are applied as they come
/// from any reader, since no rule of the dataset looks at input order, but rejections are reported in file
/// order and with file line numbers, which need every earlier chunk's line count: the applier holds back a
/// later chunk's rejections until its turn. A reader that has made many of them waits for its chunk's turn,
/// so that a file of bad records cannot pile them up in memory.
/// </summary>
internal sealed class ChunkTurn
{
    /// <summary>Rejections a reader may send ahead of its chunk's turn before it waits for it.</summary>
    public const int RejectionsAhead = 16 * EventBatch.RejectionCapacity;

    private readonly object _gate = new object();
    private int _current;

    /// <summary>The chunk whose rejections are reported as they come.</summary>
    public int Current => Volatile.Read(ref _current);

    /// <summary>Gives the turn to the next chunk (only the applier calls this).</summary>
    public void Advance()
    {
        lock (_gate)
        {
            _current++;
            Monitor.PulseAll(_gate);
        }
    }

    /// <summary>Waits until <paramref name="chunk"/> has the turn (returns at once if it has had it).</summary>
    public void WaitFor(int chunk, CancellationToken cancellation)
    {
        lock (_gate)
        {
            while (_current < chunk)
            {
                cancellation.ThrowIfCancellationRequested();

                // Woken by Advance, and now and then to notice cancellation (a token cannot pulse a monitor).
                Monitor.Wait(_gate, 50);
            }
        }
    }
}
