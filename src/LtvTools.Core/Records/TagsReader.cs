using System;
using System.Text.Json;

namespace LtvTools.Core;

/// <summary>Reads the <c>tags</c> array (objects of name/value pairs) into <see cref="EventTags"/>.</summary>
internal static class TagsReader
{
    /// <summary>Checks the shape without building anything; returns a reason when the tags are not an array of objects.</summary>
    public static string? Validate(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return "tags must be an array of objects";
        }

        var depth = reader.CurrentDepth;
        while (reader.Read() && !(reader.TokenType == JsonTokenType.EndArray && reader.CurrentDepth == depth))
        {
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                return "tags must be an array of objects";
            }

            reader.Skip();
        }

        return null;
    }

    public static EventTags Read(ReadOnlySpan<byte> tagsJson)
    {
        var tags = new EventTags();
        var reader = new Utf8JsonReader(tagsJson, isFinalBlock: true, state: default);
        reader.Read(); // StartArray, checked by Validate
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                tags.Set(name, ValueText(ref reader));
            }
        }

        return tags;
    }

    /// <summary>Strings as they are; any other value as its JSON text, so nothing is lost.</summary>
    private static string ValueText(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString()!;
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                using (var document = JsonDocument.ParseValue(ref reader))
                {
                    return document.RootElement.GetRawText();
                }

            default:
                return Utf8.GetString(reader.ValueSpan);
        }
    }
}
