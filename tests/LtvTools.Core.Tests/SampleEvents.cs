namespace LtvTools.Core.Tests;

/// <summary>A messy but valid event stream: several customers and weeks, updates, ties, duplicates and an image-only customer.</summary>
internal static class SampleEvents
{
    public static string[] Messy() => new[]
    {
        Json.Customer("96f55c7d8f42", "2017-01-06T12:46:46.384Z", "Smith"),
        Json.Visit("ac05e815502f", "96f55c7d8f42", "2017-01-06T12:45:52.041Z"),
        Json.Image("d8ede43b1d9f", "96f55c7d8f42", "2017-01-06T12:47:12.344Z"),
        Json.Order("68d84e5d1a43", "96f55c7d8f42", "2017-01-06T12:55:55.555Z", "12.34 USD"),
        Json.Order("7a9c2e4b6d80", "5e1a7c0b3d21", "2017-01-09T15:02:17Z", "45.50 USD", verb: "UPDATE"),
        Json.Customer("5e1a7c0b3d21", "2017-01-08T09:12:03Z", "Garcia", city: "Springfield", state: "IL"),
        Json.Visit("b7d3f1e2a490", "5e1a7c0b3d21", "2017-01-08T09:20:11.5Z"),
        Json.Order("7a9c2e4b6d80", "5e1a7c0b3d21", "2017-01-08T09:31:40Z", "40.00 USD"),
        Json.Visit("c4e8a2f6b013", "5e1a7c0b3d21", "2017-01-17T18:44:09.12Z"),
        Json.Order("8b0d3f5c7e91", "5e1a7c0b3d21", "2017-01-17T18:50:00Z", "120.00 USD"),
        Json.Customer("c2b4d6e8f0a1", "2017-01-10T07:00:00Z", "Nguyen", city: "Portland", state: "OR"),
        Json.Customer("c2b4d6e8f0a1", "2017-01-20T07:00:00Z", "Nguyen-Park", verb: "UPDATE", city: "Seattle", state: "WA"),
        Json.Visit("d1f3a5c7e9b2", "c2b4d6e8f0a1", "2017-01-10T07:05:00Z"),
        Json.Visit("e2a4c6e8a0c3", "c2b4d6e8f0a1", "2017-01-24T20:15:30Z"),
        Json.Order("9c1e4a6b8d02", "c2b4d6e8f0a1", "2017-01-24T20:30:00Z", "89.99 USD"),
        Json.Image("f3b5d7f9b1d4", "c2b4d6e8f0a1", "2017-01-25T08:00:00Z"),
        Json.Visit("a9e7c5a3e1f6", "0f1e2d3c4b5a", "2017-01-28T22:10:00Z"),
        Json.Visit("a9e7c5a3e1f6", "0f1e2d3c4b5a", "2017-01-28T22:10:00Z"),
        Json.Image("0a0a0a0a0a0a", "Image-Only", "2017-02-01T00:00:00+05:00"),
        Json.Order("1b1b1b1b1b1b", "TieB", "2017-01-12T10:00:00Z", "100.00 USD"),
        Json.Order("2c2c2c2c2c2c", "TieA", "2017-01-12T10:00:00Z", "100.00 USD"),
        Json.Order("68d84e5d1a43", "96f55c7d8f42", "2017-01-06T12:55:55.555Z", "12.34 USD"),
    };

    /// <summary>The same events with ties of equal time inside one key (their content decides them).</summary>
    public static string[] WithTies() => Messy().Concat(new[]
    {
        Json.Order("3d3d3d3d3d3d", "TieA", "2017-01-13T10:00:00Z", "1.00 USD"),
        Json.Order("3d3d3d3d3d3d", "TieA", "2017-01-13T10:00:00Z", "2.00 USD", verb: "UPDATE"),
        Json.Order("3d3d3d3d3d3d", "TieA", "2017-01-13T10:00:00Z", "1.00 USD"),
        Json.Customer("c2b4d6e8f0a1", "2017-01-20T07:00:00Z", "Park", verb: "UPDATE"),
    }).ToArray();
}
