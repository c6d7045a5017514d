using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// An accepted event reduced to what the dataset needs, as a plain value: reader threads fill arrays of
/// these and the dataset's single writer applies them, so parsing and aggregation run side by side.
/// </summary>
internal struct CompactEvent
{
    public EventType Type;
    public CompactKey Key;
    public CompactKey Customer;
    public long Ticks;
    public decimal AmountUsd;
    public CustomerProfile Profile;

    [MethodImpl(HotPath.Optimized)]
    public static CompactEvent From(in EventFields fields, Utf8TextCache? texts = null)
    {
        var compact = new CompactEvent
        {
            Type = fields.Type,
            Key = fields.Key.ToKey(),
            Ticks = fields.UtcTicks,
        };

        switch (fields.Type)
        {
            case EventType.Customer:
                compact.Customer = compact.Key;
                compact.Profile = new CustomerProfile(
                    texts?.Text(fields.LastName) ?? fields.LastName.ToText(),
                    texts?.Text(fields.AdrCity) ?? fields.AdrCity.ToText(),
                    texts?.Text(fields.AdrState) ?? fields.AdrState.ToText());
                break;
            case EventType.Order:
                compact.Customer = fields.CustomerId.ToKey();
                compact.AmountUsd = fields.AmountUsd;
                break;
            default:
                compact.Customer = fields.CustomerId.ToKey();
                break;
        }

        return compact;
    }

    /// <summary>An event object in compact form; it must pass <see cref="LtvDataset.Check"/>.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static CompactEvent From(LtvEvent e)
    {
        var compact = new CompactEvent
        {
            Type = e.TypeKind,
            Key = e.CompactKey,
            Ticks = e.EventTime.Ticks,
        };

        switch (e.TypeKind)
        {
            case EventType.Customer:
                compact.Customer = compact.Key;
                compact.Profile = new CustomerProfile(e.LastName, e.AdrCity, e.AdrState);
                break;
            case EventType.Order:
                compact.Customer = e.CompactCustomer!.Value;
                compact.AmountUsd = LtvDataset.UsdAmount(e)!.Value;
                break;
            default:
                compact.Customer = e.CompactCustomer!.Value;
                break;
        }

        return compact;
    }
}
