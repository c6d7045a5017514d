namespace LtvTools.Module.Tests;

/// <summary>What samples/events.json gives: 4 Sunday weeks (2017-01-01 .. 2017-01-28), one REFUND rejected at line 20.</summary>
internal static class SampleExpectations
{
    /// <summary>Rank, CustomerId, LastName, SiteVisits, Orders, TotalSpend, Ltv of the top three.</summary>
    public static readonly (int Rank, string Id, string Name, long Visits, long Orders, decimal Spend, decimal Ltv)[] TopThree =
    {
        (1, "5e1a7c0b3d21", "Garcia", 2, 2, 165.50m, 21515.00m),
        (2, "c2b4d6e8f0a1", "Nguyen-Park", 2, 1, 89.99m, 11698.70m),
        (3, "96f55c7d8f42", "Smith", 1, 1, 12.34m, 1604.20m),
    };

    public const long TotalWeeks = 4;

    public const int AcceptedEvents = 18;

    public const int RejectedLine = 20;

    public const string RejectedReason = "unknown type 'REFUND' (expected CUSTOMER, SITE_VISIT, IMAGE or ORDER)";

    public const string RejectedRaw = "{\"type\": \"REFUND\", \"verb\": \"NEW\", \"key\": \"1d2c3b4a5f60\", \"event_time\": \"2017-01-29T10:00:00.000Z\", \"customer_id\": \"5e1a7c0b3d21\", \"total_amount\": \"45.50 USD\"}";

    /// <summary>Asserts the ranked customers of the sample, value by value.</summary>
    public static void AssertTopThree(ScriptResult result)
    {
        Assert.Equal(TopThree.Length, result.Output.Count);
        for (var i = 0; i < TopThree.Length; i++)
        {
            var expected = TopThree[i];
            Assert.Equal("LtvTools.Core.LtvCustomer", result.Output[i].BaseObject.GetType().FullName);
            Assert.Equal(expected.Rank, result.Value(i, "Rank"));
            Assert.Equal(expected.Id, result.Value(i, "CustomerId"));
            Assert.Equal(expected.Name, result.Value(i, "LastName"));
            Assert.Equal(expected.Visits, result.Value(i, "SiteVisits"));
            Assert.Equal(expected.Orders, result.Value(i, "Orders"));
            Assert.Equal(expected.Spend, result.Value(i, "TotalSpend"));
            Assert.Equal(TotalWeeks, result.Value(i, "TotalWeeks"));
            Assert.Equal(expected.Ltv, result.Value(i, "Ltv"));
        }
    }

    /// <summary>Asserts the one rejection of the sample: id, category, target, file and line.</summary>
    public static void AssertRefundRejected(ScriptResult result, string cmdletClass, string file)
    {
        var error = Assert.Single(result.Errors);
        Assert.Equal("InvalidEvent,LtvTools.Commands." + cmdletClass, error.FullyQualifiedErrorId);
        Assert.Equal(System.Management.Automation.ErrorCategory.InvalidData, error.CategoryInfo.Category);
        Assert.Equal(RejectedRaw, error.TargetObject);
        Assert.Equal($"{file}:{RejectedLine}: {RejectedReason}", error.Exception.Message);
        Assert.Equal("1 record was rejected; each is an error record with file, line and reason (capture them with -ErrorVariable).", Assert.Single(result.Warnings));
    }
}
