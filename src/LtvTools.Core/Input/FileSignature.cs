using System;

namespace LtvTools.Core;

/// <summary>
/// What the first bytes of a file say about it, decided the same way by the record reader and by the
/// chunk planner (which must not cut a file that the reader would refuse or read whole).
/// </summary>
internal static class FileSignature
{
    /// <summary>Bytes a caller should look at (fewer when the file is shorter).</summary>
    public const int Length = 4;

    public static bool IsGzip(ReadOnlySpan<byte> start) => start.Length >= 2 && start[0] == 0x1F && start[1] == 0x8B;

    /// <summary>A zip archive (local file header, empty archive or spanned marker): "PK" and two marker bytes.</summary>
    public static bool IsZip(ReadOnlySpan<byte> start) =>
        start.Length >= 4 && start[0] == (byte)'P' && start[1] == (byte)'K' &&
        ((start[2] == 3 && start[3] == 4) || (start[2] == 5 && start[3] == 6) || (start[2] == 7 && start[3] == 8));

    /// <summary>UTF-16 (either byte order, with or without a BOM) as it shows in JSON text: a zero second byte.</summary>
    public static bool IsUtf16(ReadOnlySpan<byte> start) =>
        start.Length >= 2 &&
        ((start[0] == 0xFF && start[1] == 0xFE) || (start[0] == 0xFE && start[1] == 0xFF) ||
         (start[1] == 0 && (start[0] == '[' || start[0] == '{' || IsWhitespace(start[0]))));

    public static bool HasUtf8Bom(ReadOnlySpan<byte> start) => start.Length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;

    /// <summary>The reason a file is refused as a whole before any record is read, or null when it may be read.</summary>
    public static string? RefusalOf(ReadOnlySpan<byte> start)
    {
        if (IsZip(start))
        {
            return "the file is a zip archive; extract it first (gzip files are read as they are)";
        }

        if (IsUtf16(start))
        {
            return "the file is UTF-16 (or another two-byte encoding); save it as UTF-8";
        }

        return null;
    }

    public static bool IsWhitespace(byte b) => b == ' ' || b == '\t' || b == '\r' || b == '\n';
}
