using System;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>Wording shared by every rejection that talks about JSON itself.</summary>
internal static class JsonMessages
{
    /// <summary>A token type as a person would name it: object, array, string, number, boolean, null.</summary>
    public static string Describe(JsonTokenType token)
    {
        switch (token)
        {
            case JsonTokenType.StartObject: return "object";
            case JsonTokenType.StartArray: return "array";
            case JsonTokenType.String: return "string";
            case JsonTokenType.Number: return "number";
            case JsonTokenType.True:
            case JsonTokenType.False: return "boolean";
            case JsonTokenType.Null: return "null";
            default: return token.ToString();
        }
    }

    /// <summary>Advice the reader gives programmers (about its own options), not the people who wrote the file.</summary>
    private const string ReaderOptionsAdvice = " Change the reader options.";

    /// <summary>
    /// The reader's message without its trailing "LineNumber: 0 | BytePositionInLine: 17." part, which
    /// counts from the start of the record or block rather than the file (callers say where instead),
    /// and without its advice to change the reader's options.
    /// </summary>
    public static string Reason(JsonException ex)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var reason = (cut > 0 ? message.Substring(0, cut) : message).TrimEnd();
        var advice = reason.IndexOf(ReaderOptionsAdvice, StringComparison.Ordinal);
        return advice >= 0 ? reason.Remove(advice, ReaderOptionsAdvice.Length).TrimEnd() : reason;
    }
}
