namespace LtvTools.Core;

/// <summary>A record that was not accepted, with everything a person needs to find and fix it.</summary>
internal sealed class EventRejection
{
    /// <summary>A rejection of a rule-breaking record (<see cref="EventRejectionKind.InvalidEvent"/>).</summary>
    public EventRejection(string source, long line, string reason, string rawText)
        : this(source, line, EventRejectionKind.InvalidEvent, reason, rawText)
    {
    }

    /// <summary>A rejection of the given kind.</summary>
    public EventRejection(string source, long line, EventRejectionKind kind, string reason, string rawText)
    {
        Source = source;
        Line = line;
        Kind = kind;
        Reason = reason;
        RawText = rawText;
    }

    /// <summary>The file (or other source) the record came from.</summary>
    public string Source { get; }

    /// <summary>1-based line of the record; for an element of a JSON array, the line where it starts.</summary>
    public long Line { get; }

    /// <summary>What kind of problem this is (decides the error id in the module).</summary>
    public EventRejectionKind Kind { get; }

    /// <summary>A sentence a person can act on.</summary>
    public string Reason { get; }

    /// <summary>The record as it was read (cut after 4 KiB, marked with …).</summary>
    public string RawText { get; }

    /// <summary>The same rejection with its line moved by <paramref name="lines"/> (a chunk's line becomes the file's).</summary>
    internal EventRejection AfterLines(long lines) =>
        lines == 0 ? this : new EventRejection(Source, Line + lines, Kind, Reason, RawText);

    /// <inheritdoc/>
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
