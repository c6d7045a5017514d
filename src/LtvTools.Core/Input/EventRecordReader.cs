using System;
using System.Globalization;
using System.IO;
using System.Runtime.CompilerServices;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Cuts a stream of NDJSON, or of JSON values (arrays of events, or events, one after another as jq reads
/// them), into records, one at a time, without ever holding more than one record (at most
/// <see cref="RecordLimits.MaxRecordBytes"/>) and a read block in memory.
/// </summary>
/// <remarks>
/// Pull-based so that callers decide when to stop (cancellation) and where results go (pipeline
/// objects or the dataset). <see cref="Current"/> is valid until the next <see cref="Read"/>. This part
/// holds the buffer, line counting and format detection; the framings are in EventRecordReader.Ndjson.cs
/// and EventRecordReader.JsonValues.cs.
/// </remarks>
internal sealed partial class EventRecordReader : IDisposable
{
    private const int InitialBufferSize = 1 << 16;

    private readonly Stream _stream;
    private readonly long _limit;
    private readonly bool _ownsStream;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _consumedBytes;
    private bool _eof;
    private bool _finished;

    // Line tracking: number of '\n' before _countedTo (an index into _buffer).
    private int _countedTo;
    private long _linesBefore;

    /// <param name="stream">The decoded bytes (already gunzipped).</param>
    /// <param name="format">The format when already known (a chunk of an NDJSON file), else detected.</param>
    /// <param name="startOffset">Offset of the stream's first byte in the file, for record offsets.</param>
    /// <param name="length">Bytes to read, or -1 for all.</param>
    /// <param name="firstLine">Line number of the first byte.</param>
    /// <param name="ownsStream">Whether disposing the reader disposes the stream.</param>
    public EventRecordReader(Stream stream, FileFormat? format = null, long startOffset = 0, long length = -1, long firstLine = 1, bool ownsStream = true)
    {
        _stream = stream ?? throw new ArgumentNullException(nameof(stream));
        _limit = length < 0 ? long.MaxValue : length;
        _bufferOffset = startOffset;
        _linesBefore = firstLine - 1;
        _ownsStream = ownsStream;
        if (format.HasValue)
        {
            Format = format.Value;
            FormatKnown = true;
        }
    }

    public FileFormat Format { get; private set; }

    public bool FormatKnown { get; private set; }

    /// <summary>Checked while the rest of a file is counted after an error that ends it.</summary>
    public CancellationToken Cancellation { get; set; }

    /// <summary>The current record's bytes; empty when the current item is a framing error.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(CurrentStart, CurrentLength);

    /// <summary>1-based line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Offset of the current record's first byte in the decoded input.</summary>
    public long Offset { get; private set; }

    /// <summary>When not null, the current item is a record that could not even be cut out; this says why.</summary>
    public string? FramingError { get; private set; }

    /// <summary>The kind of <see cref="FramingError"/>.</summary>
    public EventRejectionKind FramingKind { get; private set; }

    /// <summary>Raw text for a framing error (cut to <see cref="RecordLimits.MaxRawTextBytes"/>).</summary>
    public string FramingRawText { get; private set; } = string.Empty;

    /// <summary>True when the current record is the input's last line and no newline follows it.</summary>
    public bool IsUnterminatedLastLine { get; private set; }

    /// <summary>True when the current framing error ends the input: nothing after it is read.</summary>
    public bool EndsInput { get; private set; }

    /// <summary>Set with a framing error after which the rest of the input is not read; says how much that is.</summary>
    public UnreadInput? Unread { get; private set; }

    /// <summary>Decoded bytes taken from the stream so far.</summary>
    public long BytesRead => _consumedBytes;

    /// <summary>Number of '\n' seen up to the end of the current record, for numbering the next chunk.</summary>
    public long LinesRead => _linesBefore + CountLines(_countedTo, _end);

    private int CurrentStart { get; set; }

    private int CurrentLength { get; set; }

    /// <summary>Advances to the next record or framing error; false at the end of the input.</summary>
    [MethodImpl(HotPath.Optimized)]
    public bool Read()
    {
        FramingError = null;
        CurrentLength = 0;
        IsUnterminatedLastLine = false;
        if (_finished)
        {
            return false;
        }

        if (!FormatKnown && !DetectFormat())
        {
            return FramingError != null;
        }

        switch (Format)
        {
            case FileFormat.Ndjson:
                return ReadLine();
            case FileFormat.JsonArray:
                return ReadJsonValue();
            default:
                _finished = true;
                return false;
        }
    }

    public void Dispose()
    {
        if (_ownsStream)
        {
            _stream.Dispose();
        }
    }

    private bool DetectFormat()
    {
        while (true)
        {
            // A UTF-8 BOM is skipped; a UTF-16 file or a zip archive is refused with a reason rather than misread.
            if (_consumedBytes < FileSignature.Length && !_eof)
            {
                Fill();
                continue;
            }

            if (_bufferOffset == 0 && _start == 0)
            {
                var head = _buffer.AsSpan(0, Math.Min(_end, FileSignature.Length));
                var refusal = FileSignature.RefusalOf(head);
                if (refusal != null)
                {
                    FormatKnown = true;
                    _finished = true;
                    EndsInput = true;
                    Line = 1;
                    SetFramingError(EventRejectionKind.InvalidFile, refusal, string.Empty);
                    return false;
                }

                if (FileSignature.HasUtf8Bom(head))
                {
                    _start = 3;
                    _countedTo = 3;
                }
            }

            for (var i = _start; i < _end; i++)
            {
                var b = _buffer[i];
                if (FileSignature.IsWhitespace(b))
                {
                    continue;
                }

                Format = b == '[' ? FileFormat.JsonArray : FileFormat.Ndjson;
                FormatKnown = true;
                return true;
            }

            if (_eof)
            {
                Format = FileFormat.Empty;
                FormatKnown = true;
                _finished = true;
                return false;
            }

            Fill();
        }
    }

    private void SetFramingError(EventRejectionKind kind, string reason, string rawText)
    {
        FramingKind = kind;
        FramingError = reason;
        FramingRawText = rawText;
    }

    /// <summary>
    /// After an error that ends the input: reads the rest, counting its bytes and lines (nothing is kept),
    /// so the rejection can say how much was not read.
    /// </summary>
    private UnreadInput CountRest(int from, long fromLine)
    {
        long bytes = _end - from;
        var newlines = CountLines(from, _end);
        var endsWithNewline = _end > from && _buffer[_end - 1] == '\n';
        var complete = true;
        try
        {
            while (true)
            {
                Cancellation.ThrowIfCancellationRequested();
                var want = (int)Math.Min(_buffer.Length, _limit - _consumedBytes);
                var read = want <= 0 ? 0 : _stream.Read(_buffer, 0, want);
                if (read <= 0)
                {
                    break;
                }

                _consumedBytes += read;
                bytes += read;
                _start = _end = _countedTo = 0;
                _end = read;
                newlines += CountLines(0, read);
                endsWithNewline = _buffer[read - 1] == '\n';
            }
        }
        catch (InvalidDataException)
        {
            // Damaged gzip data further on: what could be counted is a lower bound.
            complete = false;
        }

        _eof = true;
        _start = _end = _countedTo = 0;
        var lastLine = fromLine + newlines - (endsWithNewline ? 1 : 0);
        return new UnreadInput(bytes, fromLine, Math.Max(fromLine, lastLine), complete);
    }

    /// <summary>Reads more input, keeping the unconsumed bytes (and any element in progress) at the front.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void Fill()
    {
        var keepFrom = _elementStart >= 0 ? Math.Min(_elementStart, _start) : _start;
        if (keepFrom > 0)
        {
            CountLinesUpTo(keepFrom);
            var kept = _end - keepFrom;
            Buffer.BlockCopy(_buffer, keepFrom, _buffer, 0, kept);
            _bufferOffset += keepFrom;
            _start -= keepFrom;
            _countedTo -= keepFrom;
            if (_elementStart >= 0)
            {
                _elementStart -= keepFrom;
            }

            _end = kept;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var want = (int)Math.Min(_buffer.Length - _end, _limit - _consumedBytes);
        var read = want <= 0 ? 0 : _stream.Read(_buffer, _end, want);
        if (read <= 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        _consumedBytes += read;
    }

    /// <summary>Drops buffered bytes up to <paramref name="upTo"/> (while skipping an over-long line).</summary>
    private void Discard(int upTo)
    {
        CountLinesUpTo(upTo);
        _start = upTo;
    }

    private long CurrentLineOf(int position)
    {
        CountLinesUpTo(position);
        return _linesBefore + 1;
    }

    /// <summary>0-based byte column of <paramref name="position"/> in its line, or -1 when the line's start is no longer buffered.</summary>
    private long ColumnOf(int position)
    {
        var newline = position > 0 ? Array.LastIndexOf(_buffer, (byte)'\n', position - 1, position) : -1;
        if (newline >= 0)
        {
            return position - newline - 1;
        }

        return _bufferOffset == 0 ? position : -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CountLinesUpTo(int position)
    {
        if (position > _countedTo)
        {
            _linesBefore += CountLines(_countedTo, position);
            _countedTo = position;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private long CountLines(int from, int to)
    {
        long count = 0;
        var i = from;
        while (i < to)
        {
            var found = Array.IndexOf(_buffer, (byte)'\n', i, to - i);
            if (found < 0)
            {
                break;
            }

            count++;
            i = found + 1;
        }

        return count;
    }

    private static string Mib(int bytes) => (bytes / (1 << 20)).ToString(CultureInfo.InvariantCulture);
}
