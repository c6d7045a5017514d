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
