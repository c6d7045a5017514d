using System;
using System.Text;

namespace LtvTools.Core;

/// <summary>UTF-8 helpers that netstandard2.0 lacks as span overloads.</summary>
internal static class Utf8
{
    public static readonly Encoding Strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static unsafe string GetString(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return string.Empty;
        }

        fixed (byte* pointer = bytes)
        {
            return Strict.GetString(pointer, bytes.Length);
        }
    }

    /// <summary>Throws <see cref="DecoderFallbackException"/> when the bytes are not valid UTF-8; allocates nothing.</summary>
    public static unsafe void Validate(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            return;
        }

        fixed (byte* pointer = bytes)
        {
            Strict.GetCharCount(pointer, bytes.Length);
        }
    }

    /// <summary>Whether <paramref name="bytes"/> are well-formed UTF-8 (<see cref="Validate"/> without the exception).</summary>
    public static bool IsValid(ReadOnlySpan<byte> bytes)
    {
        try
        {
            Validate(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Text for error messages: never throws, replaces invalid bytes, and cuts long input.</summary>
    public static string ForMessage(ReadOnlySpan<byte> bytes, int maxBytes)
    {
        var cut = bytes.Length > maxBytes;
        var shown = cut ? bytes.Slice(0, maxBytes) : bytes;
        var text = Encoding.UTF8.GetString(shown.ToArray());
        return cut ? text + "…" : text;
    }
}
