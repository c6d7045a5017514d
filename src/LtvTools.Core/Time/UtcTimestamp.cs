using System;
using System.Collections.Generic;
using System.Globalization;

namespace LtvTools.Core;

/// <summary>
/// A point in time in UTC whose text form is always ISO 8601 (<c>2017-01-06T12:55:55.555Z</c>).
/// </summary>
/// <remarks>
/// A plain DateTime prints in the current culture, and Export-Csv and Format-Table call ToString():
/// this type keeps every output column unambiguous while still converting implicitly to and from
/// DateTime, and parsing from strings, so PowerShell comparisons such as
/// <c>Where-Object EventTime -ge '2017-01-01'</c> work.
/// </remarks>
public readonly struct UtcTimestamp : IComparable, IComparable<UtcTimestamp>, IEquatable<UtcTimestamp>, IFormattable
{
    private readonly long _ticks;

    /// <summary>The instant of <paramref name="value"/>: a local time is converted to UTC, an unspecified one is taken as UTC.</summary>
    public UtcTimestamp(DateTime value)
    {
        // Unspecified is taken as UTC: the engine never produces local times.
        _ticks = value.Kind == DateTimeKind.Local ? value.ToUniversalTime().Ticks : value.Ticks;
    }

    /// <summary>The instant <paramref name="utcTicks"/> ticks (100 ns) after 0001-01-01T00:00:00Z.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The ticks are outside the range of <see cref="System.DateTime"/>.</exception>
    public UtcTimestamp(long utcTicks)
    {
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            throw new ArgumentOutOfRangeException(nameof(utcTicks));
        }

        _ticks = utcTicks;
    }

    /// <summary>
    /// The instant back from this type's public properties as a serializer that writes properties wrote
    /// them (ConvertTo-Json does): its Ticks. Null when there is no Ticks in range.
    /// </summary>
    internal static UtcTimestamp? FromProperties(IEnumerable<KeyValuePair<string, object?>> properties)
    {
        foreach (var property in properties)
        {
            if (string.Equals(property.Key, nameof(Ticks), StringComparison.OrdinalIgnoreCase) &&
                property.Value is long ticks && ticks >= DateTime.MinValue.Ticks && ticks <= DateTime.MaxValue.Ticks)
            {
                return new UtcTimestamp(ticks);
            }
        }

        return null;
    }

    /// <summary>The same instant as a UTC DateTime.</summary>
    public DateTime DateTime => new DateTime(_ticks, DateTimeKind.Utc);

    /// <summary>The same instant as a DateTimeOffset with a zero offset.</summary>
    public DateTimeOffset DateTimeOffset => new DateTimeOffset(_ticks, TimeSpan.Zero);

    /// <summary>Ticks (100 ns) since 0001-01-01T00:00:00Z.</summary>
    public long Ticks => _ticks;

    /// <summary>The year in UTC.</summary>
    public int Year => DateTime.Year;

    /// <summary>Midnight UTC of the day, as a UTC DateTime.</summary>
    public DateTime Date => DateTime.Date;

    /// <summary>The same instant as a UTC DateTime.</summary>
    public static implicit operator DateTime(UtcTimestamp value) => value.DateTime;

    /// <summary>The instant of a DateTime; a local time is converted to UTC, an unspecified one is taken as UTC.</summary>
    public static implicit operator UtcTimestamp(DateTime value) => new UtcTimestamp(value);

    /// <summary>The instant of a DateTimeOffset, in UTC.</summary>
    public static implicit operator UtcTimestamp(DateTimeOffset value) => new UtcTimestamp(value.UtcTicks);

    /// <summary>True when both are the same instant.</summary>
    public static bool operator ==(UtcTimestamp left, UtcTimestamp right) => left._ticks == right._ticks;

    /// <summary>True when they are different instants.</summary>
    public static bool operator !=(UtcTimestamp left, UtcTimestamp right) => left._ticks != right._ticks;

    /// <summary>True when <paramref name="left"/> is earlier.</summary>
    public static bool operator <(UtcTimestamp left, UtcTimestamp right) => left._ticks < right._ticks;

    /// <summary>True when <paramref name="left"/> is later.</summary>
    public static bool operator >(UtcTimestamp left, UtcTimestamp right) => left._ticks > right._ticks;

    /// <summary>True when <paramref name="left"/> is earlier or the same instant.</summary>
    public static bool operator <=(UtcTimestamp left, UtcTimestamp right) => left._ticks <= right._ticks;

    /// <summary>True when <paramref name="left"/> is later or the same instant.</summary>
    public static bool operator >=(UtcTimestamp left, UtcTimestamp right) => left._ticks >= right._ticks;

    /// <summary>
    /// Lenient parse for people typing dates: a date alone or a time without an offset is taken as UTC.
    /// Event files are validated by the strict parser instead.
    /// </summary>
    public static UtcTimestamp Parse(string text) => Parse(text, CultureInfo.InvariantCulture);

    /// <summary>The lenient parse of <see cref="Parse(string)"/>, reading dates in the conventions of <paramref name="provider"/> (invariant when null).</summary>
    public static UtcTimestamp Parse(string text, IFormatProvider? provider)
    {
        if (text is null)
        {
            throw new ArgumentNullException(nameof(text));
        }

        var parsed = DateTime.Parse(
            text,
            provider ?? CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new UtcTimestamp(DateTime.SpecifyKind(parsed, DateTimeKind.Utc));
    }

    /// <summary>Orders by instant: negative when this is earlier than <paramref name="other"/>.</summary>
    public int CompareTo(UtcTimestamp other) => _ticks.CompareTo(other._ticks);

    /// <summary>Orders by instant against a UtcTimestamp, DateTime or DateTimeOffset; null sorts first.</summary>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is of another type.</exception>
    public int CompareTo(object? obj)
    {
        switch (obj)
        {
            case null: return 1;
            case UtcTimestamp t: return CompareTo(t);
            case DateTime d: return CompareTo(new UtcTimestamp(d));
            case DateTimeOffset o: return CompareTo((UtcTimestamp)o);
            default: throw new ArgumentException("Object must be a UtcTimestamp or a DateTime.", nameof(obj));
        }
    }

    /// <summary>True when both are the same instant.</summary>
    public bool Equals(UtcTimestamp other) => _ticks == other._ticks;

    /// <summary>True for a UtcTimestamp of the same instant.</summary>
    public override bool Equals(object? obj) => obj is UtcTimestamp other && Equals(other);

    /// <summary>A hash of the instant.</summary>
    public override int GetHashCode() => _ticks.GetHashCode();

    /// <summary>ISO 8601 in UTC; the fraction is printed only as far as it has digits.</summary>
    public override string ToString()
    {
        var value = DateTime;
        var fraction = _ticks % TimeSpan.TicksPerSecond;
        if (fraction == 0)
        {
            return value.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        }

        var digits = fraction.ToString("0000000", CultureInfo.InvariantCulture).TrimEnd('0');
        if (digits.Length < 3)
        {
            digits = digits.PadRight(3, '0');
        }

        return value.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + "." + digits + "Z";
    }

    /// <summary>ISO 8601 in UTC when <paramref name="format"/> is empty; otherwise the DateTime format, in the invariant culture unless a provider is given.</summary>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        string.IsNullOrEmpty(format) ? ToString() : DateTime.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);
}
