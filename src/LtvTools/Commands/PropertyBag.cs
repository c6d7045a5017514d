using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;

namespace LtvTools.Commands;

/// <summary>
/// Turns a PowerShell object (for example ConvertFrom-Json output, or a hashtable) into the plain
/// name/value pairs, lists and values that <see cref="Core.EventRecord.TryFromProperties"/> reads,
/// unwrapping PSObjects at every level so nested tags keep their names.
/// </summary>
internal static class PropertyBag
{
    private const int MaxDepth = 16;
    private const string DeserializedPrefix = "Deserialized.";

    public static List<KeyValuePair<string, object?>> From(object input) => Members(input, 0);

    private static List<KeyValuePair<string, object?>> Members(object input, int depth)
    {
        var pairs = new List<KeyValuePair<string, object?>>();
        var value = input is PSObject wrapped ? wrapped.BaseObject : input;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                pairs.Add(new KeyValuePair<string, object?>(LanguagePrimitives.ConvertTo<string>(entry.Key), Plain(entry.Value, depth + 1)));
            }

            return pairs;
        }

        foreach (var property in PSObject.AsPSObject(input).Properties)
        {
            pairs.Add(new KeyValuePair<string, object?>(property.Name, Plain(property.Value, depth + 1)));
        }

        return pairs;
    }

    private static object? Plain(object? value, int depth)
    {
        // A dictionary (EventTags) comes back from Import-Clixml as a hashtable of its entries: read those.
        if (value is PSObject deserialized && IsDeserializedValue(deserialized) && !(deserialized.BaseObject is IDictionary))
        {
            return deserialized.ToString();
        }

        var unwrapped = value is PSObject wrapped ? wrapped.BaseObject : value;
        if (depth > MaxDepth || unwrapped is null || unwrapped is string || unwrapped.GetType().IsPrimitive || unwrapped is decimal)
        {
            return unwrapped;
        }

        if (unwrapped is PSCustomObject || unwrapped is IDictionary)
        {
            return Members(value!, depth);
        }

        if (unwrapped is IEnumerable items)
        {
            var list = new List<object?>();
            foreach (var item in items)
            {
                list.Add(Plain(item, depth + 1));
            }

            return list;
        }

        return unwrapped;
    }

    /// <summary>
    /// A value that Import-Clixml (or remoting) gave back as a property bag although it was not one, such
    /// as a value of a type it does not know: its text, which it printed when it was written, is the value.
    /// </summary>
    private static bool IsDeserializedValue(PSObject value) =>
        value.TypeNames.Count > 0 &&
        value.TypeNames[0].StartsWith(DeserializedPrefix, StringComparison.Ordinal) &&
        value.TypeNames[0] != DeserializedPrefix + typeof(PSCustomObject).FullName;
}
