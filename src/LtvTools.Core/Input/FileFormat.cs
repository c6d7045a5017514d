namespace LtvTools.Core;

/// <summary>How a file lays out its records, decided by its first non-whitespace byte.</summary>
internal enum FileFormat
{
    /// <summary>No records at all: an empty or whitespace-only file.</summary>
    Empty,

    /// <summary>Newline-delimited JSON: one event object per line.</summary>
    Ndjson,

    /// <summary>A single JSON array of event objects.</summary>
    JsonArray,
}
