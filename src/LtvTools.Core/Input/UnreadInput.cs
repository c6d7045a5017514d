using System.Globalization;

namespace LtvTools.Core;

/// <summary>The part of a file that was not read, after an error that no reader can get past.</summary>
internal sealed class UnreadInput
{
    internal UnreadInput(long bytes, long firstLine, long lastLine, bool complete)
    {
        Bytes = bytes;
        FirstLine = firstLine;
        LastLine = lastLine;
        IsExact = complete;
    }

    /// <summary>Bytes not read (decoded bytes for gzip), from the start of the record where reading stopped.</summary>
    public long Bytes { get; }

    /// <summary>The line where reading stopped.</summary>
    public long FirstLine { get; }

    /// <summary>The file's last line.</summary>
    public long LastLine { get; }

    /// <summary>Lines not read: <see cref="FirstLine"/> to <see cref="LastLine"/>.</summary>
    public long Lines => LastLine - FirstLine + 1;

    /// <summary>False when the rest could not be counted to the end (damaged gzip data further on): the figures are then lower bounds.</summary>
    public bool IsExact { get; }

    /// <summary>For example "512345 bytes, lines 2158 to 5274".</summary>
    public override string ToString() => string.Format(
        CultureInfo.InvariantCulture,
        "{0}{1} byte{2}, line{3} {4}{5}",
        IsExact ? string.Empty : "at least ",
        Bytes,
        Bytes == 1 ? string.Empty : "s",
        Lines == 1 ? string.Empty : "s",
        FirstLine,
        Lines == 1 ? string.Empty : " to " + LastLine.ToString(CultureInfo.InvariantCulture));
}
