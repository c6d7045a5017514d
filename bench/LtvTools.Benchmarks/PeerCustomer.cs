namespace LtvTools.Benchmarks;

/// <summary>One row of a top-customers answer, as both the core and DuckDB give it: id, spend and LTV.</summary>
internal readonly record struct PeerCustomer(string CustomerId, decimal TotalSpend, decimal Ltv);
