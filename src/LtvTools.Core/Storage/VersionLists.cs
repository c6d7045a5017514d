using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// A ledger's version lists (keys with more than one version, and customer profiles), held in one list of
/// references apart from the maps, which name them by number.
/// </summary>
/// <remarks>
/// Map entries then hold no references to objects made while reading. A young object referenced from
/// inside the big map arrays made every garbage collection that promoted it slow, and slower as the maps
/// grew: in a scratch test, 2M new customers cost 3.9 s of pauses with profile objects in the map entries
/// and 0.26 s for the same number of objects held in a plain list.
/// </remarks>
internal sealed class VersionLists<TPayload>
    where TPayload : IEquatable<TPayload>
{
    private readonly List<EventVersions<TPayload>> _lists = new List<EventVersions<TPayload>>();

    /// <summary>Keeps a new list and returns its number (1 and up; 0 means none).</summary>
    public int Add(EventVersions<TPayload> list)
    {
        _lists.Add(list);
        return _lists.Count;
    }

    public EventVersions<TPayload> this[int id] => _lists[id - 1];

    /// <summary>Makes these (empty) lists a copy of <paramref name="other"/>, numbered the same, breaking ties with <paramref name="tieOrder"/>.</summary>
    public void CopyFrom(VersionLists<TPayload> other, IComparer<TPayload> tieOrder)
    {
        _lists.Capacity = other._lists.Count;
        foreach (var list in other._lists)
        {
            _lists.Add(list.Copy(tieOrder));
        }
    }
}
