using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Reads one event file record by record, on the caller's thread: each call yields an accepted event
/// (as an object, or straight into a dataset) or a rejection. Nothing is read ahead beyond one block.
/// Pipes and FIFOs are read like files, forwards only.
/// </summary>
internal sealed class EventFileReader : IDisposable
{
    private readonly EventFile _file;
    private readonly ValidatedRecordReader _records;
    private readonly Utf8TextCache _texts = new Utf8TextCache();

    /// <summary>Opens <paramref name="path"/>; amounts in other currencies than USD need <paramref name="rates"/>.</summary>
    public EventFileReader(string path, ExchangeRateTable? rates = null)
        : this(path, EventFile.Open(path ?? throw new ArgumentNullException(nameof(path))), rates, default)
    {
    }

    internal EventFileReader(string path, EventFile file, ExchangeRateTable? rates, CancellationToken cancellation)
    {
        Path = path;
        _file = file;
        try
        {
            var records = new EventRecordReader(file.Decoded, ownsStream: false) { Cancellation = cancellation };
            _records = new ValidatedRecordReader(path, records, rates ?? ExchangeRateTable.UsdOnly);
            Summary = new IngestSummary(path) { Compressed = file.Compressed, Bytes = file.Length ?? 0 };
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>The file being read.</summary>
    public string Path { get; }

    /// <summary>The file's accounting; complete once <see cref="Read(out LtvEvent, out EventRejection)"/> has returned false.</summary>
    public IngestSummary Summary { get; }

    /// <summary>Bytes of the file consumed so far (compressed bytes for gzip), for progress.</summary>
    public long Position => _file.Position;

    /// <summary>Bytes of the file on disk (of a symbolic link's target), or 0 for a pipe, whose length is not known.</summary>
    public long Length => _file.Length ?? 0;

    /// <summary>False for a pipe, a FIFO or another stream whose length is not known in advance.</summary>
    public bool HasLength => _file.Length.HasValue;

    /// <summary>
    /// Reads the next record. Returns false at the end. Otherwise exactly one of <paramref name="accepted"/>
    /// and <paramref name="rejection"/> is set.
    /// </summary>
    public bool Read(out LtvEvent? accepted, out EventRejection? rejection) => Read(null, out accepted, out rejection);

    /// <summary>
    /// Reads the next record; an accepted one goes into <paramref name="dataset"/> (when given) instead
    /// of becoming an object.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Read(LtvDataset? dataset, out LtvEvent? accepted, out EventRejection? rejection)
    {
        accepted = null;
        var more = _records.Read(out var fields, out rejection);
        Summary.Format = _records.Records.Format;
        if (!more)
        {
            if (!_file.Length.HasValue)
            {
                Summary.Bytes = _file.Position;
            }

            return false;
        }

        if (rejection != null)
        {
            Summary.Rejected++;
            if (_records.StoppedEarly)
            {
                Summary.ReadInPart = true;
                Summary.Unread = _records.Unread;
            }

            return true;
        }

        Summary.Accepted++;
        if (dataset is null)
        {
            accepted = fields.ToEvent(_texts);
        }
        else
        {
            var duplicatesBefore = dataset.DuplicatesIgnored;
            dataset.Add(fields, _texts);
            Summary.DuplicatesIgnored += dataset.DuplicatesIgnored - duplicatesBefore;
        }

        return true;
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        _records.Dispose();
        _file.Dispose();
    }
}
