using System;
using System.IO;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>
/// Cuts a stream of NDJSON or one JSON array into records, one at a time, without ever holding more
/// than one record (at most <see cref="RecordLimits.MaxRecordBytes"/>) and a read block in memory.
/// </summary>
/// <remarks>
/// Pull-based so that callers decide when to stop (cancellation) and where results go (pipeline
/// objects or the dataset). <see cref="Current"/> is valid until the next <see cref="Read"/>.
/// </remarks>
internal sealed class EventRecordReader : IDisposable
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

    // NDJSON: an over-long line being skipped.
    private bool _skippingLine;

    // JSON array state.
    // Framing tolerates any nesting so that a deeply nested element is rejected on its own by the
    // record parser (depth 64) instead of ending the whole array.
    private JsonReaderState _jsonState = new JsonReaderState(new JsonReaderOptions { MaxDepth = RecordLimits.MaxRecordBytes });
    private bool _arrayOpened;
    private bool _arrayClosed;
    private int _elementStart = -1;
    private long _elementLine;
    private bool _skippingElement;
    private string? _skippedPreview;

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

    /// <summary>The current record's bytes; empty when the current item is a framing error.</summary>
    public ReadOnlySpan<byte> Current => _buffer.AsSpan(CurrentStart, CurrentLength);

    /// <summary>1-based line where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>Offset of the current record's first byte in the decoded input.</summary>
    public long Offset { get; private set; }

    /// <summary>When not null, the current item is a record that could not even be cut out; this says why.</summary>
    public string? FramingError { get; private set; }

    /// <summary>Raw text for a framing error (cut to <see cref="RecordLimits.MaxRawTextBytes"/>).</summary>
    public string FramingRawText { get; private set; } = string.Empty;

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
                return ReadArrayElement();
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
            // A UTF-8 BOM is skipped; a UTF-16 file is refused with a reason rather than misread.
            if (_consumedBytes == 0 && _end - _start < 3 && !_eof)
            {
                Fill();
                continue;
            }

            if (_bufferOffset == 0 && _start == 0 && _end >= 2 &&
                ((_buffer[0] == 0xFF && _buffer[1] == 0xFE) || (_buffer[0] == 0xFE && _buffer[1] == 0xFF) ||
                 (_buffer[1] == 0 && (_buffer[0] == '[' || _buffer[0] == '{' || IsWhitespace(_buffer[0])))))
            {
                FormatKnown = true;
                _finished = true;
                Line = 1;
                FramingError = "the file is UTF-16 (or another two-byte encoding); save it as UTF-8";
                FramingRawText = string.Empty;
                return false;
            }

            if (_bufferOffset == 0 && _start == 0 && _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF)
            {
                _start = 3;
                _countedTo = 3;
            }

            for (var i = _start; i < _end; i++)
            {
                var b = _buffer[i];
                if (b == ' ' || b == '\t' || b == '\r' || b == '\n')
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

    [MethodImpl(HotPath.Optimized)]
    private bool ReadLine()
    {
        while (true)
        {
            var newline = _start < _end ? Array.IndexOf(_buffer, (byte)'\n', _start, _end - _start) : -1;
            if (newline < 0 && !_eof)
            {
                if (_end - _start >= RecordLimits.MaxRecordBytes && !_skippingLine)
                {
                    // Too long to be a record: report it once and drop bytes until the next newline.
                    Line = CurrentLineOf(_start);
                    Offset = _bufferOffset + _start;
                    FramingError = $"the line is longer than {RecordLimits.MaxRecordBytes / (1 << 20)} MiB, the most a record may be";
                    FramingRawText = Utf8.ForMessage(_buffer.AsSpan(_start, _end - _start), RecordLimits.MaxRawTextBytes);
                    _skippingLine = true;
                    Discard(_end);
                    return true;
                }

                if (_skippingLine)
                {
                    Discard(_end);
                }

                Fill();
                continue;
            }

            var lineEnd = newline < 0 ? _end : newline;
            var next = newline < 0 ? _end : newline + 1;
            if (_skippingLine)
            {
                _skippingLine = false;
                Discard(next);
                if (newline < 0)
                {
                    _finished = true;
                    return false;
                }

                continue;
            }

            var first = _start;
            var last = lineEnd;
            while (first < last && IsWhitespace(_buffer[first]))
            {
                first++;
            }

            while (last > first && IsWhitespace(_buffer[last - 1]))
            {
                last--;
            }

            var lineStart = _start;
            _start = next;
            if (first == last)
            {
                if (newline < 0)
                {
                    _finished = true;
                    return false;
                }

                continue;
            }

            Line = CurrentLineOf(lineStart);
            Offset = _bufferOffset + lineStart;
            CurrentStart = first;
            CurrentLength = last - first;
            if (CurrentLength > RecordLimits.MaxRecordBytes)
            {
                FramingError = $"the line is longer than {RecordLimits.MaxRecordBytes / (1 << 20)} MiB, the most a record may be";
                FramingRawText = Utf8.ForMessage(Current, RecordLimits.MaxRawTextBytes);
                CurrentLength = 0;
            }

            if (newline < 0)
            {
                _finished = true;
            }

            return true;
        }
    }

    private bool ReadArrayElement()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _jsonState);
            try
            {
                while (reader.Read())
                {
                    if (!_arrayOpened)
                    {
                        _arrayOpened = true;
                        continue;
                    }

                    var depth = reader.CurrentDepth;
                    var token = reader.TokenType;
                    if (depth == 0)
                    {
                        _arrayClosed = true;
                        continue;
                    }

                    if (depth == 1 && _elementStart < 0 && !_skippingElement)
                    {
                        var tokenStart = _start + (int)reader.TokenStartIndex;
                        if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                        {
                            _elementStart = tokenStart;
                            _elementLine = CurrentLineOf(tokenStart);
                            continue;
                        }

                        // A bare value in the array: one rejection, and the array goes on.
                        Line = CurrentLineOf(tokenStart);
                        Offset = _bufferOffset + tokenStart;
                        FramingError = $"the array element is a JSON {JsonMessages.Describe(token)}, not an event object";
                        FramingRawText = Utf8.ForMessage(_buffer.AsSpan(tokenStart, _start + (int)reader.BytesConsumed - tokenStart), RecordLimits.MaxRawTextBytes);
                        Advance(ref reader);
                        return true;
                    }

                    if (depth == 1 && (token == JsonTokenType.EndObject || token == JsonTokenType.EndArray))
                    {
                        var elementEnd = _start + (int)reader.BytesConsumed;
                        Line = _elementLine;
                        if (_skippingElement)
                        {
                            _skippingElement = false;
                            FramingError = $"the array element is longer than {RecordLimits.MaxRecordBytes / (1 << 20)} MiB, the most a record may be";
                            FramingRawText = _skippedPreview ?? string.Empty;
                            Advance(ref reader);
                            return true;
                        }

                        Offset = _bufferOffset + _elementStart;
                        CurrentStart = _elementStart;
                        CurrentLength = elementEnd - _elementStart;
                        _elementStart = -1;
                        if (token == JsonTokenType.EndArray)
                        {
                            FramingError = "the array element is a JSON array, not an event object";
                            FramingRawText = Utf8.ForMessage(Current, RecordLimits.MaxRawTextBytes);
                            CurrentLength = 0;
                        }

                        Advance(ref reader);
                        return true;
                    }
                }
            }
            catch (JsonException ex)
            {
                // A syntax error ends the array: nothing after it can be framed with certainty.
                var errorStart = _elementStart >= 0 ? _elementStart : _start + (int)reader.BytesConsumed;
                Line = _elementStart >= 0 ? _elementLine : CurrentLineOf(errorStart);
                Offset = _bufferOffset + errorStart;
                var where = ex.LineNumber.HasValue ? $"line {ex.LineNumber.Value + 1}, byte {ex.BytePositionInLine.GetValueOrDefault() + 1}" : "an unknown position";
                FramingError = $"invalid JSON in the array at {where}: {JsonMessages.Reason(ex).TrimEnd('.')}; the rest of the file is not read";
                FramingRawText = _skippingElement ? _skippedPreview ?? string.Empty : Utf8.ForMessage(_buffer.AsSpan(errorStart, _end - errorStart), RecordLimits.MaxRawTextBytes);
                _finished = true;
                return true;
            }

            _jsonState = reader.CurrentState;
            _start += (int)reader.BytesConsumed;
            if (_eof)
            {
                _finished = true;
                if (!_arrayClosed)
                {
                    Line = _elementStart >= 0 ? _elementLine : CurrentLineOf(_start);
                    Offset = _bufferOffset + (_elementStart >= 0 ? _elementStart : _start);
                    FramingError = "the file ends before the JSON array is closed (is it truncated?)";
                    FramingRawText = _elementStart >= 0 ? Utf8.ForMessage(_buffer.AsSpan(_elementStart, _end - _elementStart), RecordLimits.MaxRawTextBytes) : string.Empty;
                    return true;
                }

                return false;
            }

            if (_elementStart >= 0 && _end - _elementStart >= RecordLimits.MaxRecordBytes)
            {
                _skippingElement = true;
                _skippedPreview = Utf8.ForMessage(_buffer.AsSpan(_elementStart, _end - _elementStart), RecordLimits.MaxRawTextBytes);
                Offset = _bufferOffset + _elementStart;
                _elementStart = -1;
            }

            Fill();
        }
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _jsonState = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
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

    private static bool IsWhitespace(byte b) => b == ' ' || b == '\t' || b == '\r' || b == '\n';

}
