namespace LtvTools.Core;

/// <summary>The four kinds of event the engine understands.</summary>
public enum EventType
{
    /// <summary>CUSTOMER: a customer's profile (verbs NEW, UPDATE).</summary>
    Customer,

    /// <summary>SITE_VISIT: one visit to the site (verb NEW).</summary>
    SiteVisit,

    /// <summary>IMAGE: an uploaded image (verb UPLOAD): it makes its customer known and counts in the time window, not as a visit.</summary>
    Image,

    /// <summary>ORDER: an order and its amount (verbs NEW, UPDATE).</summary>
    Order,
}
