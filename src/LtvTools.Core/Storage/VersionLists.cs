using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// A ledger's version lists (keys with more than one version, and customer profiles), held in one array
/// apart from the maps, which name them by number.
/// </summary>
/// <remarks>
/// Map entries then hold no references to objects made while reading. A young object referenced from
/// inside the big map arrays made every garbage collection that promoted it slow, and slower as the maps
/// grew: in a scratch test, 2M new customers cost 3.9 s of pauses with profile objects in the map entries
/// and 0.26 s for the same number of objects held in a plain list. The lists themselves are structs in
/// this array, so most of them are no objects at all.
/// </remarks>
internal sealed class VersionLists<TPayload>
    where TPayload : IEquatable<TPayload>
{
    private EventVersions<TPayload>[] _lists = Array.Empty<EventVersions<TPayload>>();
    private int _count;

    /// <summary>Keeps a copy of a new list and returns its number (1 and up; 0 means none).</summary>
    public int Add(in EventVersions<TPayload> list)
    {
        if (_count == _lists.Length)
        {
            Array.Resize(ref _lists, Math.Max(16, _lists.Length * 2));
        }

        _lists[_count++] = list;
        return _count;
    }

    /// <summary>
    /// The list numbered <paramref name="id"/>, changed in place through the reference; valid only until the
    /// next <see cref="Add"/>.
    /// </summary>
    public ref EventVersions<TPayload> this[int id]
    {
        get
        {
            if ((uint)(id - 1) >= (uint)_count)
            {
                throw new ArgumentOutOfRangeException(nameof(id));
            }

            return ref _lists[id - 1];
        }
    }

    /// <summary>Makes these (empty) lists a copy of <paramref name="other"/>, numbered the same, breaking ties with <paramref name="tieOrder"/>.</summary>
    public void CopyFrom(VersionLists<TPayload> other, IComparer<TPayload> tieOrder)
    {
        _lists = new EventVersions<TPayload>[other._count];
        _count = other._count;
        for (var i = 0; i < _count; i++)
        {
            _lists[i] = other._lists[i].Copy(tieOrder);
        }
    }
}
