using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Globalization;
using System.Text;

namespace LtvTools.Core;

/// <summary>
/// The tags of a site visit: an ordered name to value map whose text form is readable
/// (<c>some key=some value; color=red</c>).
/// </summary>
/// <remarks>
/// A read-only <see cref="IDictionary"/> (implemented explicitly, so the public surface stays this map's own):
/// ConvertTo-Json writes a dictionary as a name-to-value object at any depth it reaches, and PowerShell does
/// not unroll a dictionary into a pipeline, while Export-Csv writes its <see cref="ToString"/> text.
/// <c>$tags.campaign</c> reads a tag by name as for a hashtable.
/// </remarks>
public sealed class EventTags : IEquatable<EventTags>, IDictionary
{
    private readonly List<string> _names = new List<string>();
    private readonly List<string> _values = new List<string>();

    /// <summary>The number of tags.</summary>
    public int Count => _names.Count;

    /// <summary>The tag names, in file order.</summary>
    public IReadOnlyList<string> Keys => _names;

    /// <summary>The tag values, in the order of <see cref="Keys"/>.</summary>
    public IReadOnlyList<string> Values => _values;

    /// <summary>The value of a tag, or null when the visit has no tag of that name.</summary>
    public string? this[string name] => TryGetValue(name, out var value) ? value : null;

    /// <summary>Adds a tag; a repeated name keeps its first position and takes the later value.</summary>
    public void Set(string name, string value)
    {
        if (name is null)
        {
            throw new ArgumentNullException(nameof(name));
        }

        var index = _names.IndexOf(name);
        if (index >= 0)
        {
            _values[index] = value;
            return;
        }

        _names.Add(name);
        _values.Add(value);
    }

    /// <summary>Whether a tag of that name exists (names compare exactly, case-sensitive).</summary>
    public bool ContainsKey(string name) => _names.IndexOf(name) >= 0;

    /// <summary>Gets the value of the tag <paramref name="name"/>; false, with an empty value, when there is none.</summary>
    public bool TryGetValue(string name, out string value)
    {
        var index = _names.IndexOf(name);
        value = index >= 0 ? _values[index] : string.Empty;
        return index >= 0;
    }

    /// <summary>
    /// Tags back from their text form (<c>a=1; b=2</c>, as Export-Csv wrote them), or null when a part has
    /// no '='. The text form cannot tell a "; " or "=" inside a name or value from a separator.
    /// </summary>
    internal static EventTags? FromText(string text)
    {
        var tags = new EventTags();
        foreach (var part in text.Split(new[] { "; " }, StringSplitOptions.None))
        {
            var equals = part.IndexOf('=');
            if (equals < 0)
            {
                return null;
            }

            tags.Set(part.Substring(0, equals), part.Substring(equals + 1));
        }

        return tags;
    }

    /// <summary>
    /// Tags back from an object that a serializer wrote: a name-to-value object (what ConvertTo-Json writes
    /// for this dictionary), or equally long Keys and Values lists (what it wrote before this type was a
    /// dictionary). Null for any other shape, such as a value that is itself a list or an object.
    /// </summary>
    internal static EventTags? FromProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        var named = new EventTags();
        var scalarsOnly = true;
        foreach (var property in properties)
        {
            if (property.Value is null || property.Value is IEnumerable && !(property.Value is string))
            {
                scalarsOnly = false;
                break;
            }

            named.Set(property.Key, Convert.ToString(property.Value, CultureInfo.InvariantCulture) ?? string.Empty);
        }

        if (scalarsOnly)
        {
            return named;
        }

        IList? keys = null;
        IList? values = null;
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, nameof(Keys), StringComparison.OrdinalIgnoreCase))
            {
                keys = property.Value as IList;
            }
            else if (string.Equals(property.Key, nameof(Values), StringComparison.OrdinalIgnoreCase))
            {
                values = property.Value as IList;
            }
        }

        if (keys is null || values is null || keys.Count != values.Count)
        {
            return null;
        }

        var tags = new EventTags();
        for (var i = 0; i < keys.Count; i++)
        {
            if (!(keys[i] is string name) || values[i] is null)
            {
                return null;
            }

            tags.Set(name, Convert.ToString(values[i], CultureInfo.InvariantCulture) ?? string.Empty);
        }

        return tags;
    }

    /// <summary>The tags as name/value pairs, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> ToList()
    {
        var list = new List<KeyValuePair<string, string>>(_names.Count);
        for (var i = 0; i < _names.Count; i++)
        {
            list.Add(new KeyValuePair<string, string>(_names[i], _values[i]));
        }

        return list;
    }

    /// <summary>The text form: <c>name=value</c> pairs joined by <c>; </c>, as Export-Csv writes them.</summary>
    public override string ToString()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _names.Count; i++)
        {
            if (i > 0)
            {
                text.Append("; ");
            }

            text.Append(_names[i]).Append('=').Append(_values[i]);
        }

        return text.ToString();
    }

    /// <summary>True when both hold the same names and values in the same order (ordinal comparison).</summary>
    public bool Equals(EventTags? other)
    {
        if (other is null || other.Count != Count)
        {
            return false;
        }

        for (var i = 0; i < _names.Count; i++)
        {
            if (!string.Equals(_names[i], other._names[i], StringComparison.Ordinal) ||
                !string.Equals(_values[i], other._values[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True for an <see cref="EventTags"/> with the same names and values in the same order.</summary>
    public override bool Equals(object? obj) => obj is EventTags other && Equals(other);

    /// <summary>A hash of the text form, consistent with <see cref="Equals(EventTags)"/>.</summary>
    public override int GetHashCode() => ToString().GetHashCode();

    bool IDictionary.IsFixedSize => true;

    bool IDictionary.IsReadOnly => true;

    ICollection IDictionary.Keys => _names.ToArray();

    ICollection IDictionary.Values => _values.ToArray();

    bool ICollection.IsSynchronized => false;

    object ICollection.SyncRoot => _names;

    object? IDictionary.this[object key]
    {
        get => key is string name ? this[name] : null;
        set => throw ReadOnly();
    }

    bool IDictionary.Contains(object key) => key is string name && ContainsKey(name);

    void IDictionary.Add(object key, object? value) => throw ReadOnly();

    void IDictionary.Clear() => throw ReadOnly();

    void IDictionary.Remove(object key) => throw ReadOnly();

    void ICollection.CopyTo(Array array, int index)
    {
        for (var i = 0; i < _names.Count; i++)
        {
            array.SetValue(new DictionaryEntry(_names[i], _values[i]), index + i);
        }
    }

    IDictionaryEnumerator IDictionary.GetEnumerator() => Entries().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => Entries().GetEnumerator();

    private static NotSupportedException ReadOnly() => new NotSupportedException("An event's tags are read-only through IDictionary; use Set.");

    /// <summary>The tags in file order, for serializers and formatters that enumerate a dictionary.</summary>
    private OrderedDictionary Entries()
    {
        var entries = new OrderedDictionary(_names.Count, StringComparer.Ordinal);
        for (var i = 0; i < _names.Count; i++)
        {
            entries.Add(_names[i], _values[i]);
        }

        return entries;
    }
}
