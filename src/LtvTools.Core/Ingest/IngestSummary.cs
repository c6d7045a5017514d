namespace LtvTools.Core;

/// <summary>The accounting for one file (or one run): every record read is either accepted or rejected.</summary>
internal sealed class IngestSummary
{
    public IngestSummary(string source)
    {
        Source = source;
    }

    public string Source { get; }

    public FileFormat Format { get; internal set; }

    public bool Compressed { get; internal set; }

    /// <summary>Records read: Accepted + Rejected.</summary>
    public long RecordsRead => Accepted + Rejected;

    public long Accepted { get; internal set; }

    public long Rejected { get; internal set; }

    /// <summary>Accepted records that repeated an event already held and changed nothing.</summary>
    public long DuplicatesIgnored { get; internal set; }

    /// <summary>Bytes of the file on disk.</summary>
    public long Bytes { get; internal set; }

    /// <summary>Bytes after decompression (the same as <see cref="Bytes"/> for a plain file once read whole).</summary>
    internal long DecodedBytes { get; set; }

    public override string ToString() =>
        $"{Source}: {RecordsRead} read, {Accepted} accepted, {Rejected} rejected, {DuplicatesIgnored} duplicates ignored";
}
