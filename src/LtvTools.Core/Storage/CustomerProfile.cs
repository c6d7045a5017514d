using System;

namespace LtvTools.Core;

/// <summary>The profile fields a CUSTOMER event carries.</summary>
internal readonly struct CustomerProfile : IEquatable<CustomerProfile>
{
    public CustomerProfile(string? lastName, string? city, string? state)
    {
        LastName = lastName;
        City = city;
        State = state;
    }

    public string? LastName { get; }

    public string? City { get; }

    public string? State { get; }

    public bool Equals(CustomerProfile other) =>
        string.Equals(LastName, other.LastName, StringComparison.Ordinal) &&
        string.Equals(City, other.City, StringComparison.Ordinal) &&
        string.Equals(State, other.State, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is CustomerProfile other && Equals(other);

    public override int GetHashCode() => (LastName?.GetHashCode() ?? 0) ^ (City?.GetHashCode() ?? 0);
}
