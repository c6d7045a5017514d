using System.Globalization;
using DuckDB.NET.Data;

namespace LtvTools.Benchmarks;

/// <summary>
/// The peer a user would otherwise pick: DuckDB's <c>read_json</c> over the same file, then SQL with the core's
/// semantics. The SQL is printed in bench/README.md so anyone can rerun it.
/// </summary>
internal static class DuckDbPeer
{
    /// <summary>
    /// {0} is the file path as a SQL string literal, {1} the format ('newline_delimited' or 'array'), {2} the top count.
    /// Semantics: an order's amount and customer come from its latest version (latest event_time, ties by later
    /// input order); the window spans Sunday weeks from the earliest to the latest event of any type (DuckDB's
    /// date_trunc('week') starts on Monday, so times are shifted by a day); LTV = 52 × 10 × spend / weeks, which
    /// ranks exactly as spend does because weeks is one number for everyone; ties by customer id; customers
    /// without orders count with 0. Times go through TIMESTAMPTZ because a plain TIMESTAMP cast drops a
    /// "+02:00" offset instead of converting to UTC.
    /// </summary>
    public const string Sql = """
        WITH ev AS (
            SELECT type, key, customer_id, total_amount,
                   CAST(event_time AS TIMESTAMPTZ) AT TIME ZONE 'UTC' AS t,
                   ordinality AS seq
            FROM read_json({0}, format = {1}, columns = {{
                     type: 'VARCHAR', key: 'VARCHAR', event_time: 'VARCHAR',
                     customer_id: 'VARCHAR', total_amount: 'VARCHAR'}}) WITH ORDINALITY
        ),
        win AS (
            SELECT date_diff('day', date_trunc('week', min(t) + INTERVAL 1 DAY),
                                    date_trunc('week', max(t) + INTERVAL 1 DAY)) // 7 + 1 AS weeks
            FROM ev
        ),
        latest_orders AS (
            SELECT key,
                   arg_max(customer_id, (t, seq)) AS customer_id,
                   arg_max(CAST(split_part(total_amount, ' ', 1) AS DECIMAL(27, 12)), (t, seq)) AS amount
            FROM ev WHERE type = 'ORDER' GROUP BY key
        ),
        customers AS (
            SELECT DISTINCT CASE WHEN type = 'CUSTOMER' THEN key ELSE customer_id END AS id FROM ev
        ),
        spend AS (
            SELECT c.id, coalesce(sum(o.amount), 0) AS total
            FROM customers c LEFT JOIN latest_orders o ON o.customer_id = c.id
            GROUP BY c.id
        )
        SELECT id, total, 520 * total / weeks AS ltv
        FROM spend, win
        ORDER BY total DESC, id ASC
        LIMIT {2}
        """;

    public static string QueryFor(string path, bool array, int top) => Fill(Sql, path, array, top);

    /// <summary>
    /// <paramref name="sql"/> with {0} the file as a SQL string literal, {1} its read_json format and {2} the
    /// top count (shared with <see cref="DuckDbBestPeer"/>).
    /// </summary>
    public static string Fill(string sql, string path, bool array, int top) =>
        string.Format(
            CultureInfo.InvariantCulture,
            sql,
            "'" + path.Replace("'", "''", StringComparison.Ordinal) + "'",
            array ? "'array'" : "'newline_delimited'",
            top);

    public static IReadOnlyList<PeerCustomer> TopCustomers(string path, bool array, int top)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return TopCustomers(connection, path, array, top);
    }

    /// <summary>Runs the query on an open <paramref name="connection"/>.</summary>
    public static IReadOnlyList<PeerCustomer> TopCustomers(DuckDBConnection connection, string path, bool array, int top)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryFor(path, array, top);
        using var reader = command.ExecuteReader();
        var rows = new List<PeerCustomer>(top);
        while (reader.Read())
        {
            rows.Add(new PeerCustomer(
                reader.GetString(0),
                Convert.ToDecimal(reader.GetValue(1), CultureInfo.InvariantCulture),
                Convert.ToDecimal(reader.GetValue(2), CultureInfo.InvariantCulture)));
        }

        return rows;
    }
}
