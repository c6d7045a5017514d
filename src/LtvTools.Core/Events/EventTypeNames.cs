using System;

namespace LtvTools.Core;

/// <summary>The wire names of event types and the verbs each type allows.</summary>
internal static class EventTypeNames
{
    public const string Customer = "CUSTOMER";
    public const string SiteVisit = "SITE_VISIT";
    public const string Image = "IMAGE";
    public const string Order = "ORDER";

    public static string ToWireName(EventType type)
    {
        switch (type)
        {
            case EventType.Customer: return Customer;
            case EventType.SiteVisit: return SiteVisit;
            case EventType.Image: return Image;
            case EventType.Order: return Order;
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }

    /// <summary>The verbs a type accepts, as written in a rejection reason.</summary>
    public static string AllowedVerbs(EventType type)
    {
        switch (type)
        {
            case EventType.Customer: return "NEW or UPDATE";
            case EventType.SiteVisit: return "NEW";
            case EventType.Image: return "UPLOAD";
            case EventType.Order: return "NEW or UPDATE";
            default: throw new ArgumentOutOfRangeException(nameof(type));
        }
    }
}
