using System;
using System.IO;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// Reads one event file record by record, on the caller's thread: each call yields an accepted event
/// (as an object, or straight into a dataset) or a rejection. Nothing is read ahead beyond one block.
/// </summary>
internal sealed class EventFileReader : IDisposable
{
    private readonly FileStream _file;
    private readonly EventRecordReader _records;
    private readonly ExchangeRateTable _rates;
    private readonly Utf8TextCache _texts = new Utf8TextCache();
    private bool _ended;

    public EventFileReader(string path, ExchangeRateTable? rates = null)
    {
        Path = path ?? throw new ArgumentNullException(nameof(path));
        _rates = rates ?? ExchangeRateTable.UsdOnly;
        _file = EventFile.OpenRaw(path);
        try
        {
            var decoded = EventFile.OpenDecoded(_file, out var compressed);
            _records = new EventRecordReader(decoded);
            Summary = new IngestSummary(path) { Compressed = compressed, Bytes = _file.Length };
        }
        catch
        {
            _file.Dispose();
            throw;
        }
    }

    public string Path { get; }

    public IngestSummary Summary { get; }

    /// <summary>Bytes of the file consumed so far (compressed bytes for gzip), for progress.</summary>
    public long Position => _file.CanSeek ? _file.Position : 0;

    public long Length => Summary.Bytes;

    /// <summary>
    /// Reads the next record. Returns false at the end. Otherwise exactly one of <paramref name="accepted"/>
    /// and <paramref name="rejection"/> is set.
    /// </summary>
    public bool Read(out LtvEvent? accepted, out EventRejection? rejection) => Read(null, out accepted, out rejection);

    /// <summary>
    /// Reads the next record; an accepted one goes into <paramref name="dataset"/> (when given) instead
    /// of becoming an object, at the input position dataset.NextSequence + its byte offset.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Read(LtvDataset? dataset, out LtvEvent? accepted, out EventRejection? rejection)
    {
        accepted = null;
        rejection = null;
        if (_ended)
        {
            return false;
        }

        bool more;
        try
        {
            more = _records.Read();
        }
        catch (InvalidDataException ex)
        {
            // A damaged gzip stream: everything before the damage has been reported already.
            _ended = true;
            rejection = new EventRejection(Path, _records.Line, ex.Message, string.Empty);
            Summary.Rejected++;
            return true;
        }

        Summary.Format = _records.Format;
        if (!more)
        {
            _ended = true;
            return false;
        }

        if (_records.FramingError != null)
        {
            rejection = new EventRejection(Path, _records.Line, _records.FramingError, _records.FramingRawText);
            Summary.Rejected++;
            return true;
        }

        var record = _records.Current;
        if (!EventRecordParser.TryParse(record, _rates, out var fields, out var reason))
        {
            rejection = new EventRejection(Path, _records.Line, reason, Utf8.ForMessage(record, RecordLimits.MaxRawTextBytes));
            Summary.Rejected++;
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
            dataset.Add(fields, dataset.NextSequence + _records.Offset, _texts);
            Summary.DuplicatesIgnored += dataset.DuplicatesIgnored - duplicatesBefore;
        }

        return true;
    }

    /// <summary>Moves the dataset's input positions past this file, so the next source sorts after it.</summary>
    public void CompleteInto(LtvDataset dataset)
    {
        dataset.NextSequence += _records.BytesRead + 1;
    }

    public void Dispose()
    {
        _records.Dispose();
        _file.Dispose();
    }
}
