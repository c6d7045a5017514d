using System;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// The exception of a rejected record's error record. Its message is "&lt;file&gt;:&lt;line&gt;: &lt;reason&gt;", and its
/// properties give the same as data, so scripts need not parse messages:
/// <c>$bad | Group-Object { $_.Exception.File }</c>.
/// </summary>
public sealed class EventRejectedException : Exception
{
    internal EventRejectedException(EventRejection rejection)
        : base(rejection.ToString())
    {
        File = rejection.Source;
        Line = rejection.Line;
        Kind = rejection.Kind;
        Reason = rejection.Reason;
        RawText = rejection.RawText;
    }

    /// <summary>The file the record came from (its full path), or "InputObject" for a piped object.</summary>
    public string File { get; }

    /// <summary>The record's 1-based line (for a JSON array element, where it starts), or a piped object's position in the input.</summary>
    public long Line { get; }

    /// <summary>What kind of problem it is; it decides the error id.</summary>
    public EventRejectionKind Kind { get; }

    /// <summary>Why the record was not accepted, as a sentence a person can act on.</summary>
    public string Reason { get; }

    /// <summary>The record as read (cut after 4 KiB, marked with …); also the error record's TargetObject.</summary>
    public string RawText { get; }
}
