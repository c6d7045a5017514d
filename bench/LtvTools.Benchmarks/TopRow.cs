namespace LtvTools.Benchmarks;

/// <summary>
/// One full row of a top-customers answer, every column the bench compares between the module and DuckDB's
/// best query: id, profile, counts, spend, weeks and LTV.
/// </summary>
internal sealed record TopRow(
    string CustomerId,
    string? LastName,
    string? City,
    string? State,
    long SiteVisits,
    long Orders,
    decimal TotalSpend,
    long TotalWeeks,
    decimal Ltv);
