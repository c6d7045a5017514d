using System;
using System.Globalization;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>
/// JSON framing: top-level values one after another (as jq reads them). An array's elements are the
/// records; an object on its own is one record.
/// </summary>
/// <remarks>
/// After a syntax error nothing more is framed: the reader no longer knows how deeply it is nested or
/// whether it is inside a string, so the next '{' or ',' may belong to the broken element (a nested tag
/// object would pass for an event). Resuming would be a guess; the rest is counted and reported instead.
/// </remarks>
internal sealed partial class EventRecordReader
{
    // Framing tolerates any nesting so that a deeply nested element is rejected on its own by the
    // record parser (depth 64) instead of ending the whole array.
    private static readonly JsonReaderOptions FramingOptions = new JsonReaderOptions { MaxDepth = RecordLimits.MaxRecordBytes };

    private JsonReaderState _jsonState;

    // The top-level value being read: open once its first byte is seen, started once its first token is.
    private bool _valueOpen;
    private bool _valueStarted;
    private bool _valueIsArray;

    // Where the reader state began, to turn the reader's positions into the file's.
    private long _stateLine;
    private long _stateColumn;

    // The element (record) being cut out.
    private int _elementStart = -1;
    private long _elementLine;
    private bool _skippingElement;
    private string? _skippedPreview;

    private static string ElementTooLong => $"the array element is longer than {Mib(RecordLimits.MaxRecordBytes)} MiB, the most a record may be";

    private bool ReadJsonValue()
    {
        while (true)
        {
            if (!_valueOpen && !OpenNextValue())
            {
                if (_finished)
                {
                    return false;
                }

                Fill();
                continue;
            }

            var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, _jsonState);
            var valueEnded = false;
            try
            {
                while (!valueEnded && reader.Read())
                {
                    var depth = reader.CurrentDepth;
                    var token = reader.TokenType;
                    var tokenStart = _start + (int)reader.TokenStartIndex;
                    if (!_valueStarted)
                    {
                        _valueStarted = true;
                        _valueIsArray = token == JsonTokenType.StartArray;
                        if (_valueIsArray)
                        {
                            continue;
                        }

                        if (token == JsonTokenType.StartObject)
                        {
                            _elementStart = tokenStart;
                            _elementLine = CurrentLineOf(tokenStart);
                            continue;
                        }

                        // A bare value at the top: one rejection, and the next value is read.
                        RejectBareValue(ref reader, token, tokenStart, "top-level value", "an event object or an array of them");
                        EndValue();
                        return true;
                    }

                    if (_valueIsArray && depth == 0)
                    {
                        // The array is closed: the next top-level value (if any) starts with a fresh reader.
                        Advance(ref reader);
                        EndValue();
                        valueEnded = true;
                        break;
                    }

                    var elementDepth = _valueIsArray ? 1 : 0;
                    if (_valueIsArray && depth == 1 && _elementStart < 0 && !_skippingElement)
                    {
                        if (token == JsonTokenType.StartObject || token == JsonTokenType.StartArray)
                        {
                            _elementStart = tokenStart;
                            _elementLine = CurrentLineOf(tokenStart);
                            continue;
                        }

                        // A bare value in the array: one rejection, and the array goes on.
                        RejectBareValue(ref reader, token, tokenStart, "array element", "an event object");
                        return true;
                    }

                    if (depth == elementDepth && (token == JsonTokenType.EndObject || token == JsonTokenType.EndArray))
                    {
                        TakeElement(ref reader, token);
                        if (!_valueIsArray)
                        {
                            EndValue();
                        }

                        return true;
                    }
                }
            }
            catch (JsonException ex)
            {
                StopAtSyntaxError(ref reader, ex);
                return true;
            }

            if (valueEnded)
            {
                continue;
            }

            _jsonState = reader.CurrentState;
            _start += (int)reader.BytesConsumed;
            if (_eof)
            {
                _finished = true;
                Line = _elementStart >= 0 ? _elementLine : CurrentLineOf(_start);
                Offset = _bufferOffset + (_elementStart >= 0 ? _elementStart : _start);
                SetFramingError(
                    EventRejectionKind.InvalidFile,
                    _valueIsArray ? "the file ends before the JSON array is closed (is it truncated?)" : "the file ends before the JSON object is closed (is it truncated?)",
                    _elementStart >= 0 ? Utf8.ForMessage(_buffer.AsSpan(_elementStart, _end - _elementStart), RecordLimits.MaxRawTextBytes) : string.Empty);
                return true;
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

    /// <summary>
    /// Between top-level values: skips whitespace (a fresh reader would call an empty rest an error) and
    /// starts a reader state at the next value. False when more input is needed, or at the end (finished).
    /// </summary>
    private bool OpenNextValue()
    {
        while (_start < _end && FileSignature.IsWhitespace(_buffer[_start]))
        {
            _start++;
        }

        if (_start == _end)
        {
            _finished = _eof;
            return false;
        }

        _jsonState = new JsonReaderState(FramingOptions);
        _stateLine = CurrentLineOf(_start);
        _stateColumn = ColumnOf(_start);
        _valueOpen = true;
        _valueStarted = false;
        return true;
    }

    private void EndValue()
    {
        _valueOpen = false;
        _valueStarted = false;
    }

    private void RejectBareValue(ref Utf8JsonReader reader, JsonTokenType token, int tokenStart, string what, string expected)
    {
        Line = CurrentLineOf(tokenStart);
        Offset = _bufferOffset + tokenStart;
        SetFramingError(
            EventRejectionKind.InvalidEvent,
            $"the {what} is a JSON {JsonMessages.Describe(token)}, not {expected}",
            Utf8.ForMessage(_buffer.AsSpan(tokenStart, _start + (int)reader.BytesConsumed - tokenStart), RecordLimits.MaxRawTextBytes));
        Advance(ref reader);
    }

    /// <summary>The element that just closed becomes the current record (or a rejection when it was skipped or is an array).</summary>
    private void TakeElement(ref Utf8JsonReader reader, JsonTokenType token)
    {
        var elementEnd = _start + (int)reader.BytesConsumed;
        Line = _elementLine;
        if (_skippingElement)
        {
            _skippingElement = false;
            SetFramingError(EventRejectionKind.RecordTooLong, ElementTooLong, _skippedPreview ?? string.Empty);
            Advance(ref reader);
            return;
        }

        Offset = _bufferOffset + _elementStart;
        CurrentStart = _elementStart;
        CurrentLength = elementEnd - _elementStart;
        _elementStart = -1;
        if (token == JsonTokenType.EndArray)
        {
            SetFramingError(EventRejectionKind.InvalidEvent, "the array element is a JSON array, not an event object", Utf8.ForMessage(Current, RecordLimits.MaxRawTextBytes));
            CurrentLength = 0;
        }

        Advance(ref reader);
    }

    /// <summary>A syntax error ends the input: one rejection that says where, why and how much is left unread.</summary>
    private void StopAtSyntaxError(ref Utf8JsonReader reader, JsonException ex)
    {
        var errorStart = _elementStart >= 0 ? _elementStart : _start + (int)reader.BytesConsumed;
        Line = _elementStart >= 0 ? _elementLine : CurrentLineOf(errorStart);
        Offset = _bufferOffset + errorStart;
        var raw = _skippingElement ? _skippedPreview ?? string.Empty : Utf8.ForMessage(_buffer.AsSpan(errorStart, _end - errorStart), RecordLimits.MaxRawTextBytes);
        string where;
        if (ex.LineNumber.HasValue)
        {
            var line = _stateLine + ex.LineNumber.Value;
            var column = ex.LineNumber.Value == 0 ? (_stateColumn < 0 ? -1 : _stateColumn + ex.BytePositionInLine.GetValueOrDefault()) : ex.BytePositionInLine.GetValueOrDefault();
            where = column < 0
                ? string.Format(CultureInfo.InvariantCulture, "line {0}", line)
                : string.Format(CultureInfo.InvariantCulture, "line {0}, byte {1}", line, column + 1);
        }
        else
        {
            where = "an unknown position";
        }

        _finished = true;
        var what = $"invalid JSON{(_valueIsArray ? " in the array" : string.Empty)} at {where}: {JsonMessages.Reason(ex).TrimEnd('.')}";
        if (_eof && IsWhitespaceOnly(errorStart, _end))
        {
            // Nothing is left to read: the file stops inside the value.
            SetFramingError(EventRejectionKind.InvalidFile, $"{what}; the file ends before the JSON {(_valueIsArray ? "array" : "object")} is closed (is it truncated?)", raw);
            return;
        }

        EndsInput = true;
        Unread = CountRest(errorStart, Line);
        SetFramingError(EventRejectionKind.InvalidFile, $"{what}; the rest of the file is not read ({Unread})", raw);
    }

    private bool IsWhitespaceOnly(int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!FileSignature.IsWhitespace(_buffer[i]))
            {
                return false;
            }
        }

        return true;
    }

    private void Advance(ref Utf8JsonReader reader)
    {
        _jsonState = reader.CurrentState;
        _start += (int)reader.BytesConsumed;
    }
}
