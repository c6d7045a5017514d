using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>
/// Framing and validation of a file's records, for every reader of files (one thread or chunks in
/// parallel): each <see cref="Read"/> gives a valid record's fields or its rejection. The one place where a
/// file's rejections are made, so every route gives the same kind, line, reason and raw text.
/// </summary>
internal sealed class ValidatedRecordReader : IDisposable
{
    private readonly EventRecordReader _records;
    private readonly ExchangeRateTable _rates;
    private bool _ended;

    public ValidatedRecordReader(string source, EventRecordReader records, ExchangeRateTable rates)
    {
        Source = source;
        _records = records;
        _rates = rates;
    }

    /// <summary>The file named in rejections.</summary>
    public string Source { get; }

    /// <summary>The framing underneath (format, offsets, bytes and lines read).</summary>
    public EventRecordReader Records => _records;

    /// <summary>Set when reading stopped before the end of the input; says how much was not read when that is known.</summary>
    public bool StoppedEarly { get; private set; }

    /// <summary>How much was not read after <see cref="StoppedEarly"/>, when it could be counted.</summary>
    public UnreadInput? Unread => _records.Unread;

    /// <summary>
    /// The next record: false at the end; otherwise either <paramref name="fields"/> holds a valid record
    /// (<paramref name="rejection"/> null) or <paramref name="rejection"/> says why it was not accepted.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Read(out EventFields fields, out EventRejection? rejection)
    {
        fields = default;
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
            // Damaged gzip data: everything before the damage has been reported already.
            _ended = true;
            StoppedEarly = true;
            rejection = Reject(EventRejectionKind.InvalidFile, ex.Message, string.Empty);
            return true;
        }

        if (!more)
        {
            _ended = true;
            return false;
        }

        if (_records.FramingError != null)
        {
            StoppedEarly |= _records.EndsInput;
            rejection = Reject(_records.FramingKind, _records.FramingError, _records.FramingRawText);
            return true;
        }

        var record = _records.Current;
        if (EventRecordParser.TryParse(record, _rates, out fields, out var kind, out var reason))
        {
            return true;
        }

        if (kind == EventRejectionKind.InvalidJson && _records.IsUnterminatedLastLine && IsCutShort(record))
        {
            kind = EventRejectionKind.IncompleteRecord;
            reason = "incomplete last record: the file ends in the middle of it, with no newline after it (is the file still being written?)";
        }

        rejection = Reject(kind, reason, Utf8.ForMessage(record, RecordLimits.MaxRawTextBytes));
        return true;
    }

    public void Dispose() => _records.Dispose();

    private EventRejection Reject(EventRejectionKind kind, string reason, string rawText) =>
        new EventRejection(Source, _records.Line, kind, reason, rawText);

    /// <summary>True when <paramref name="record"/> is the start of a JSON value that more bytes could complete.</summary>
    private static bool IsCutShort(ReadOnlySpan<byte> record)
    {
        var reader = new Utf8JsonReader(record, isFinalBlock: false, new JsonReaderState(new JsonReaderOptions { MaxDepth = RecordLimits.MaxRecordBytes }));
        try
        {
            while (reader.Read())
            {
                if (reader.CurrentDepth == 0 && reader.TokenType != JsonTokenType.StartObject && reader.TokenType != JsonTokenType.StartArray)
                {
                    // A complete top-level value: whatever is wrong, it is not that the record was cut.
                    return false;
                }
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
