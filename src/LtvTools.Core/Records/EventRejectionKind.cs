namespace LtvTools.Core;

/// <summary>What kind of problem a rejection is; the module maps each kind to a stable error id.</summary>
public enum EventRejectionKind
{
    /// <summary>Valid JSON that breaks a rule of the contract (unknown type, missing field, not an object, ...).</summary>
    InvalidEvent,

    /// <summary>The record is not valid JSON (or not valid UTF-8); the records around it are still read.</summary>
    InvalidJson,

    /// <summary>The record is longer than <see cref="RecordLimits.MaxRecordBytes"/>; it is skipped, not buffered.</summary>
    RecordTooLong,

    /// <summary>The file ends in the middle of its last record (no newline after it): a file still being written, or cut.</summary>
    IncompleteRecord,

    /// <summary>
    /// The file as a whole cannot be read on from here: a zip archive, UTF-16 text, damaged or truncated gzip
    /// data, or a JSON syntax error outside a single NDJSON line. The records before it stand.
    /// </summary>
    InvalidFile,
}
