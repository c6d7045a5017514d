using System.Globalization;

namespace LtvTools.Core;

/// <summary>The accounting for one file (or one run): every record read is either accepted or rejected.</summary>
internal sealed class IngestSummary
{
    /// <summary>An empty accounting for <paramref name="source"/>.</summary>
    public IngestSummary(string source)
    {
        Source = source;
    }

    /// <summary>The file (or other source) this accounting is for.</summary>
    public string Source { get; }

    /// <summary>How the file lays out its records.</summary>
    public FileFormat Format { get; internal set; }

    /// <summary>True when the file was gzip-compressed.</summary>
    public bool Compressed { get; internal set; }

    /// <summary>Records read: Accepted + Rejected.</summary>
    public long RecordsRead => Accepted + Rejected;

    /// <summary>Records accepted (duplicates included).</summary>
    public long Accepted { get; internal set; }

    /// <summary>Records rejected; each was reported as an <see cref="EventRejection"/>.</summary>
    public long Rejected { get; internal set; }

    /// <summary>Accepted records that repeated an event already held and changed nothing.</summary>
    public long DuplicatesIgnored { get; internal set; }

    /// <summary>Bytes of the file on disk (for a pipe, the bytes it gave).</summary>
    public long Bytes { get; internal set; }

    /// <summary>
    /// True when reading stopped before the end of the file: a JSON syntax error outside a single NDJSON
    /// line, damaged gzip data, or a file refused as a whole (a zip archive, UTF-16). Its last rejection says why.
    /// </summary>
    public bool ReadInPart { get; internal set; }

    /// <summary>How much was not read when <see cref="ReadInPart"/> (bytes and lines), or null when that cannot be counted.</summary>
    public UnreadInput? Unread { get; internal set; }

    /// <summary>Bytes after decompression (the same as <see cref="Bytes"/> for a plain file once read whole).</summary>
    internal long DecodedBytes { get; set; }

    /// <summary>
    /// For example "events.json: 19 read, 18 accepted, 1 rejected, 1 duplicate ignored", followed by
    /// "; read only in part, not read: 512345 bytes, lines 2158 to 5274" when reading stopped early.
    /// </summary>
    public override string ToString() => Describe(Source, Accepted, Rejected, DuplicatesIgnored, this);

    /// <summary>The one wording of an accounting, for files and for other sources (no partial read there).</summary>
    public static string Describe(string source, long accepted, long rejected, long? duplicatesIgnored, IngestSummary? file = null)
    {
        var text = string.Format(CultureInfo.InvariantCulture, "{0}: {1} read, {2} accepted, {3} rejected", source, accepted + rejected, accepted, rejected);
        if (duplicatesIgnored.HasValue)
        {
            text += string.Format(CultureInfo.InvariantCulture, ", {0} duplicate{1} ignored", duplicatesIgnored.Value, duplicatesIgnored.Value == 1 ? string.Empty : "s");
        }

        if (file != null && file.ReadInPart)
        {
            text += file.Unread is null ? "; read only in part (see the last rejection)" : "; read only in part, not read: " + file.Unread;
        }

        return text;
    }
}
