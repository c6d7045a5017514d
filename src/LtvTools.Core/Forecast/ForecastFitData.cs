using System;
using System.Collections.Generic;

namespace LtvTools.Core;

/// <summary>
/// What a likelihood reads: the customers as sorted rows, identical customers merged into one row with a
/// weight, and the distinct frequencies, recencies and ages, whose log-gamma terms and logs are computed
/// once per evaluation instead of once per customer (summaries count whole days, so there are few distinct
/// recencies and ages). Sorting makes the sums, and so the fitted parameters, independent of input order.
/// </summary>
internal sealed class ForecastFitData
{
    private ForecastFitData(int[] distinctFrequencies, double[] distinctRecencies, double[] distinctAges, FitRow[] rows, int customers)
    {
        DistinctFrequencies = distinctFrequencies;
        DistinctRecencies = distinctRecencies;
        DistinctAges = distinctAges;
        Rows = rows;
        Customers = customers;
    }

    public int[] DistinctFrequencies { get; }

    /// <summary>The distinct recencies, ascending.</summary>
    public double[] DistinctRecencies { get; }

    /// <summary>The distinct ages T, ascending.</summary>
    public double[] DistinctAges { get; }

    public FitRow[] Rows { get; }

    /// <summary>The customers the rows stand for (the sum of the weights).</summary>
    public int Customers { get; }

    /// <summary>Every customer, by (frequency, recency, T).</summary>
    public static ForecastFitData ForPurchases(IReadOnlyList<LtvCustomerSummary> summaries)
    {
        var keys = new (int X, double Recency, double T, double Monetary)[summaries.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = (summaries[i].Frequency, summaries[i].Recency, summaries[i].T, 0.0);
        }

        return Group(keys);
    }

    /// <summary>The customers the Gamma-Gamma model reads: a repeat purchase and a positive monetary value, by (frequency, monetary value).</summary>
    public static ForecastFitData ForSpend(IReadOnlyList<LtvCustomerSummary> summaries)
    {
        var keys = new List<(int X, double Recency, double T, double Monetary)>();
        foreach (var summary in summaries)
        {
            if (summary.Frequency > 0 && summary.MonetaryValue > 0m)
            {
                keys.Add((summary.Frequency, 0.0, 0.0, (double)summary.MonetaryValue.Value));
            }
        }

        return Group(keys.ToArray());
    }

    private static ForecastFitData Group((int X, double Recency, double T, double Monetary)[] keys)
    {
        Array.Sort(keys);
        var recencies = Distinct(keys, key => key.Recency);
        var ages = Distinct(keys, key => key.T);
        var rows = new List<FitRow>();
        var frequencies = new List<int>();
        for (var i = 0; i < keys.Length;)
        {
            var j = i + 1;
            while (j < keys.Length && keys[j].Equals(keys[i]))
            {
                j++;
            }

            if (frequencies.Count == 0 || frequencies[frequencies.Count - 1] != keys[i].X)
            {
                frequencies.Add(keys[i].X);
            }

            rows.Add(new FitRow(
                frequencies.Count - 1,
                Array.BinarySearch(recencies, keys[i].Recency),
                Array.BinarySearch(ages, keys[i].T),
                keys[i].Recency,
                keys[i].T,
                keys[i].Monetary,
                j - i));
            i = j;
        }

        return new ForecastFitData(frequencies.ToArray(), recencies, ages, rows.ToArray(), keys.Length);
    }

    private static double[] Distinct((int X, double Recency, double T, double Monetary)[] keys, Func<(int X, double Recency, double T, double Monetary), double> value)
    {
        var values = new double[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            values[i] = value(keys[i]);
        }

        Array.Sort(values);
        var count = 0;
        for (var i = 0; i < values.Length; i++)
        {
            if (count == 0 || values[i] != values[count - 1])
            {
                values[count++] = values[i];
            }
        }

        Array.Resize(ref values, count);
        return values;
    }
}
