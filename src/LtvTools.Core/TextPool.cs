using System;
using System.Collections.Generic;

namespace LtvTools.Core
{
    /// <summary>
    /// One shared string per distinct text among the profiles a ledger keeps. Cities, states and last names
    /// repeat across customers and versions, so the dataset holds each once, and the strings read with each
    /// event die young instead of being kept (and copied by every collection that promotes them).
    /// </summary>
    internal sealed class TextPool
    {
        private readonly Dictionary<string, string> _texts = new Dictionary<string, string>(StringComparer.Ordinal);

        public string? Share(string? text)
        {
            if (text is null)
            {
                return null;
            }

            if (_texts.TryGetValue(text, out var shared))
            {
                return shared;
            }

            _texts.Add(text, text);
            return text;
        }

        public CustomerProfile Share(CustomerProfile profile) =>
            new CustomerProfile(Share(profile.LastName), Share(profile.City), Share(profile.State));
    }
}
