namespace LtvTools.Core;

/// <summary>The four kinds of event the engine understands.</summary>
public enum EventType
{
    Customer,
    SiteVisit,
    Image,
    Order,
}
