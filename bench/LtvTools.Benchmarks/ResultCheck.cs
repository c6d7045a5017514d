using System.Globalization;
using System.Text;

namespace LtvTools.Benchmarks;

/// <summary>Checks that two top-customer answers agree: the same ids in the same order, LTV equal to the cent.</summary>
internal static class ResultCheck
{
    public static void Same(string expectedName, IReadOnlyList<PeerCustomer> expected, string actualName, IReadOnlyList<PeerCustomer> actual)
    {
        var agree = expected.Count == actual.Count;
        for (var i = 0; agree && i < expected.Count; i++)
        {
            agree = expected[i].CustomerId == actual[i].CustomerId && Cents(expected[i].Ltv) == Cents(actual[i].Ltv);
        }

        if (!agree)
        {
            throw new BenchFailure($"{actualName} disagrees with {expectedName}:\n{Side(expectedName, expected)}{Side(actualName, actual)}");
        }
    }

    /// <summary>Every column of the rows: ids, profile texts and counts exactly, spend exactly, LTV to the cent.</summary>
    public static void SameRows(string expectedName, IReadOnlyList<TopRow> expected, string actualName, IReadOnlyList<TopRow> actual)
    {
        var agree = expected.Count == actual.Count;
        for (var i = 0; agree && i < expected.Count; i++)
        {
            var (e, a) = (expected[i], actual[i]);
            agree = e.CustomerId == a.CustomerId && e.LastName == a.LastName && e.City == a.City && e.State == a.State &&
                e.SiteVisits == a.SiteVisits && e.Orders == a.Orders && e.TotalSpend == a.TotalSpend &&
                e.TotalWeeks == a.TotalWeeks && Cents(e.Ltv) == Cents(a.Ltv);
        }

        if (!agree)
        {
            var text = new StringBuilder($"{actualName} disagrees with {expectedName} (every column):\n");
            foreach (var (name, rows) in new[] { (expectedName, expected), (actualName, actual) })
            {
                text.Append(name).Append(":\n");
                foreach (var row in rows)
                {
                    text.Append("  ").Append(row).Append('\n');
                }
            }

            throw new BenchFailure(text.ToString());
        }
    }

    private static decimal Cents(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Side(string name, IReadOnlyList<PeerCustomer> rows)
    {
        var text = new StringBuilder(name).Append(":\n");
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendFormat(CultureInfo.InvariantCulture, "  {0,2}. {1} {2:F2}\n", i + 1, rows[i].CustomerId, rows[i].Ltv);
        }

        return text.ToString();
    }
}
