using System;
using System.Collections.Generic;
using System.Text;

namespace LtvTools.Core
{
    /// <summary>
    /// The tags of a site visit: an ordered name to value map whose text form is readable
    /// (<c>some key=some value; color=red</c>).
    /// </summary>
    /// <remarks>
    /// Deliberately not IEnumerable: PowerShell would unroll it into cells like
    /// <c>System.Object[]</c> or <c>[k, v] [k, v]</c> in Export-Csv and Format-Table.
    /// </remarks>
    public sealed class EventTags : IEquatable<EventTags>
    {
        private readonly List<string> _names = new List<string>();
        private readonly List<string> _values = new List<string>();

        public int Count => _names.Count;

        public IReadOnlyList<string> Keys => _names;

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

        public bool ContainsKey(string name) => _names.IndexOf(name) >= 0;

        public bool TryGetValue(string name, out string value)
        {
            var index = _names.IndexOf(name);
            value = index >= 0 ? _values[index] : string.Empty;
            return index >= 0;
        }

        public IReadOnlyList<KeyValuePair<string, string>> ToList()
        {
            var list = new List<KeyValuePair<string, string>>(_names.Count);
            for (var i = 0; i < _names.Count; i++)
            {
                list.Add(new KeyValuePair<string, string>(_names[i], _values[i]));
            }

            return list;
        }

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

        public override bool Equals(object? obj) => obj is EventTags other && Equals(other);

        public override int GetHashCode() => ToString().GetHashCode();
    }
}
