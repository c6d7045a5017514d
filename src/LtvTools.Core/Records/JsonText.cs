using System;

namespace LtvTools.Core;

/// <summary>
/// A string value found in a record: its unescaped UTF-8 bytes, still inside the read buffer, or a
/// decoded string when the JSON used escapes. Strings are built only for what is actually kept.
/// </summary>
internal ref struct JsonText
{
    public ReadOnlySpan<byte> Utf8Bytes;
    public string? Decoded;
    public bool IsPresent;

    public bool IsEmpty => Decoded is null ? Utf8Bytes.IsEmpty : Decoded.Length == 0;

    public string? ToText() => !IsPresent ? null : Decoded ?? Utf8.GetString(Utf8Bytes);

    public CompactKey ToKey() => Decoded is null ? CompactKey.FromUtf8(Utf8Bytes) : CompactKey.FromString(Decoded);
}
