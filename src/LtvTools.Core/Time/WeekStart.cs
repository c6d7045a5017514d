namespace LtvTools.Core;

/// <summary>The first day of a week. Sunday is the challenge's convention and the default.</summary>
public enum WeekStart
{
    Sunday,
    Monday,
}
