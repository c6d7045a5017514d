namespace LtvTools.Core;

/// <summary>The first day of a week. Sunday is the challenge's convention and the default.</summary>
public enum WeekStart
{
    /// <summary>Weeks run Sunday to Saturday (the default).</summary>
    Sunday,

    /// <summary>Weeks run Monday to Sunday, as ISO 8601 weeks do.</summary>
    Monday,
}
