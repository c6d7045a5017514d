namespace LtvTools.Core;

/// <summary>One distinct customer history in <see cref="ForecastFitData"/>, and how many customers share it.</summary>
internal readonly struct FitRow
{
    public FitRow(int frequencyIndex, int recencyIndex, int ageIndex, double recency, double t, double monetary, double weight)
    {
        FrequencyIndex = frequencyIndex;
        RecencyIndex = recencyIndex;
        AgeIndex = ageIndex;
        Recency = recency;
        T = t;
        Monetary = monetary;
        LnMonetary = monetary > 0 ? System.Math.Log(monetary) : double.NegativeInfinity;
        Weight = weight;
    }

    /// <summary>Where the row's frequency is in <see cref="ForecastFitData.DistinctFrequencies"/>.</summary>
    public int FrequencyIndex { get; }

    /// <summary>Where the row's recency is in <see cref="ForecastFitData.DistinctRecencies"/>.</summary>
    public int RecencyIndex { get; }

    /// <summary>Where the row's T is in <see cref="ForecastFitData.DistinctAges"/>.</summary>
    public int AgeIndex { get; }

    public double Recency { get; }

    public double T { get; }

    public double Monetary { get; }

    /// <summary>ln of <see cref="Monetary"/>, computed once rather than at every likelihood evaluation.</summary>
    public double LnMonetary { get; }

    public double Weight { get; }
}
