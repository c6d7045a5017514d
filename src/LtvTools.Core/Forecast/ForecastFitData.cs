using System;
using System.Collections.Generic;

namespace LtvTools.Core
{
    /// <summary>
    /// What a likelihood reads: the customers as sorted rows, identical customers merged into one row with a
    /// weight, and the distinct frequencies, whose log-gamma terms are computed once per evaluation instead of
    /// once per customer. Sorting makes the sums, and so the fitted parameters, independent of input order.
    /// </summary>
    internal sealed class ForecastFitData
    {
        private ForecastFitData(int[] distinctFrequencies, FitRow[] rows, int customers)
        {
            DistinctFrequencies = distinctFrequencies;
            Rows = rows;
            Customers = customers;
        }

        public int[] DistinctFrequencies { get; }

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

                rows.Add(new FitRow(frequencies.Count - 1, keys[i].Recency, keys[i].T, keys[i].Monetary, j - i));
                i = j;
            }

            return new ForecastFitData(frequencies.ToArray(), rows.ToArray(), keys.Length);
        }
    }
}
