using System.Globalization;

namespace LtvTools.Reliability.Tests;

public enum GeneratedKind
{
    Customer,
    Visit,
    Image,
    Order,
}

/// <summary>
/// One event as the generator meant it: what the engine should see, and the exact JSON line that says it.
/// For CUSTOMER events <see cref="CustomerId"/> is the key.
/// </summary>
public sealed record GeneratedEvent(
    GeneratedKind Kind,
    string Key,
    string CustomerId,
    long Ticks,
    int OffsetMinutes,
    long AmountCents,
    int AmountStyle,
    string Verb,
    string LastName,
    string City,
    string State,
    string Currency = "USD")
{
    public decimal Amount => AmountCents / 100m;

    /// <summary>What the engine should count: the amount times the currency's rate (exact in decimal).</summary>
    public decimal AmountUsd => Amount * EventStreams.RateOf(Currency);

    public string Json => Kind switch
    {
        GeneratedKind.Customer =>
            $"{{\"type\": \"CUSTOMER\", \"verb\": \"{Verb}\", \"key\": \"{Key}\", \"event_time\": \"{Time}\", \"last_name\": \"{LastName}\", \"adr_city\": \"{City}\", \"adr_state\": \"{State}\"}}",
        GeneratedKind.Visit =>
            $"{{\"type\": \"SITE_VISIT\", \"verb\": \"NEW\", \"key\": \"{Key}\", \"event_time\": \"{Time}\", \"customer_id\": \"{CustomerId}\", \"tags\": [{{\"some key\": \"some value\"}}]}}",
        GeneratedKind.Image =>
            $"{{\"type\": \"IMAGE\", \"verb\": \"UPLOAD\", \"key\": \"{Key}\", \"event_time\": \"{Time}\", \"customer_id\": \"{CustomerId}\", \"camera_make\": \"Canon\", \"camera_model\": \"EOS 80D\"}}",
        _ =>
            $"{{\"type\": \"ORDER\", \"verb\": \"{Verb}\", \"key\": \"{Key}\", \"event_time\": \"{Time}\", \"customer_id\": \"{CustomerId}\", \"total_amount\": {AmountText}}}",
    };

    /// <summary>The same instant written in a random offset (Z, -12:00 .. +14:00), with milliseconds.</summary>
    public string Time
    {
        get
        {
            var local = new DateTimeOffset(Ticks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(OffsetMinutes));
            var text = local.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture);
            return OffsetMinutes == 0 ? text + "Z" : text + local.ToString("zzz", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Amounts in every accepted spelling: "12.30 USD", "12.3 USD", "12.30", a JSON number, "12.3 EUR".</summary>
    public string AmountText
    {
        get
        {
            var fixed2 = Amount.ToString("0.00", CultureInfo.InvariantCulture);
            var shortest = Amount.ToString("0.##", CultureInfo.InvariantCulture);
            if (Currency != "USD")
            {
                return $"\"{(AmountStyle % 2 == 0 ? fixed2 : shortest)} {Currency}\"";
            }

            return AmountStyle switch
            {
                0 => $"\"{fixed2} USD\"",
                1 => $"\"{shortest} USD\"",
                2 => $"\"{fixed2}\"",
                _ => shortest,
            };
        }
    }
}
