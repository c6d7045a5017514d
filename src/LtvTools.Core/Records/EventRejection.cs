namespace LtvTools.Core;

/// <summary>A record that was not accepted, with everything a person needs to find and fix it.</summary>
public sealed class EventRejection
{
    /// <summary>A rejection of the record at <paramref name="line"/> of <paramref name="source"/>, for <paramref name="reason"/>.</summary>
    public EventRejection(string source, long line, string reason, string rawText)
    {
        Source = source;
        Line = line;
        Reason = reason;
        RawText = rawText;
    }

    /// <summary>The file (or other source) the record came from.</summary>
    public string Source { get; }

    /// <summary>1-based line of the record; for an element of a JSON array, the line where it starts.</summary>
    public long Line { get; }

    /// <summary>A sentence a person can act on.</summary>
    public string Reason { get; }

    /// <summary>The record as it was read (cut after 4 KiB, marked with …).</summary>
    public string RawText { get; }

    /// <summary><c>&lt;source&gt;:&lt;line&gt;: &lt;reason&gt;</c>, the message of the error record.</summary>
    public override string ToString() => $"{Source}:{Line}: {Reason}";
}
