using System;
using System.IO;

namespace LtvTools.Core;

/// <summary>
/// A saved dataset that cannot be loaded: not a dataset file, written by a newer version, truncated or
/// corrupted. Nothing of it is used; the message names the file and the reason.
/// </summary>
public sealed class LtvDatasetFileException : IOException
{
    /// <summary>Makes the error for <paramref name="source"/> (a path, or a name for saved bytes).</summary>
    public LtvDatasetFileException(string source, string reason, Exception? inner = null)
        : base($"{source}: {reason}", inner)
    {
        Path = source;
        Reason = reason;
    }

    /// <summary>The file (or the name of the saved bytes) that was refused.</summary>
    public string Path { get; }

    /// <summary>Why it was refused, without the file name.</summary>
    public string Reason { get; }
}
