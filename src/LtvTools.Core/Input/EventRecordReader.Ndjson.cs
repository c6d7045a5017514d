using System;
using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>NDJSON framing: one record per line.</summary>
internal sealed partial class EventRecordReader
{
    // An over-long line being skipped.
    private bool _skippingLine;

    private static string LineTooLong => $"the line is longer than {Mib(RecordLimits.MaxRecordBytes)} MiB, the most a record may be";

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
                    SetFramingError(EventRejectionKind.RecordTooLong, LineTooLong, Utf8.ForMessage(_buffer.AsSpan(_start, _end - _start), RecordLimits.MaxRawTextBytes));
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
            while (first < last && FileSignature.IsWhitespace(_buffer[first]))
            {
                first++;
            }

            while (last > first && FileSignature.IsWhitespace(_buffer[last - 1]))
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
                SetFramingError(EventRejectionKind.RecordTooLong, LineTooLong, Utf8.ForMessage(Current, RecordLimits.MaxRawTextBytes));
                CurrentLength = 0;
            }

            if (newline < 0)
            {
                _finished = true;
                IsUnterminatedLastLine = true;
            }

            return true;
        }
    }
}
