using System.Globalization;
using DuckDB.NET.Data;

namespace LtvTools.Benchmarks;

/// <summary>
/// The peer at its best: the query a DuckDB user would write for the same top-N rows, every column included.
/// It reads only the columns it needs and skips records it cannot parse (<c>ignore_errors</c>), takes an
/// order's latest version by <c>arg_max</c> over its time, ranks customers by spend, and only then counts
/// visits and looks up profiles, for those N customers alone. It does not keep the module's tie rules for
/// equal times (input order), which the exact-semantics query in <see cref="DuckDbPeer"/> pays for; the bench
/// checks that the rows it returns are the module's, column by column.
/// </summary>
internal static class DuckDbBestPeer
{
    /// <summary>{0}: the file as a SQL string literal; {1}: 'newline_delimited' or 'array'; {2}: the top count.</summary>
    public const string Sql = """
        WITH ev AS NOT MATERIALIZED (
            SELECT type, key, customer_id, event_time AS t, total_amount, last_name, adr_city, adr_state
            FROM read_json({0}, format = {1}, ignore_errors = true, columns = {{
                     type: 'VARCHAR', key: 'VARCHAR', event_time: 'TIMESTAMPTZ', customer_id: 'VARCHAR',
                     total_amount: 'VARCHAR', last_name: 'VARCHAR', adr_city: 'VARCHAR', adr_state: 'VARCHAR'}})
        ),
        win AS (
            SELECT (date_diff('day', date_trunc('week', timezone('UTC', min(t)) + INTERVAL 1 DAY),
                                     date_trunc('week', timezone('UTC', max(t)) + INTERVAL 1 DAY)) // 7 + 1)::BIGINT AS weeks
            FROM ev
        ),
        orders AS (
            SELECT arg_max(customer_id, t) AS id,
                   arg_max(CAST(split_part(total_amount, ' ', 1) AS DECIMAL(18, 2)), t) AS amount
            FROM ev WHERE type = 'ORDER' GROUP BY key
        ),
        top AS (
            SELECT id, sum(amount) AS spend, count(*) AS orders
            FROM orders GROUP BY id ORDER BY spend DESC, id LIMIT {2}
        ),
        visits AS (
            SELECT customer_id AS id, count(DISTINCT key) AS visits
            FROM ev WHERE type = 'SITE_VISIT' AND customer_id IN (SELECT id FROM top) GROUP BY customer_id
        ),
        profiles AS (
            SELECT key AS id, arg_max(last_name, t) AS last_name, arg_max(adr_city, t) AS city, arg_max(adr_state, t) AS state
            FROM ev WHERE type = 'CUSTOMER' AND key IN (SELECT id FROM top) GROUP BY key
        )
        SELECT top.id, p.last_name, p.city, p.state, coalesce(v.visits, 0), top.orders, top.spend, win.weeks,
               520 * top.spend / win.weeks AS ltv
        FROM top CROSS JOIN win LEFT JOIN visits v ON v.id = top.id LEFT JOIN profiles p ON p.id = top.id
        ORDER BY top.spend DESC, top.id
        """;

    /// <summary>The query for a file; LTV_BENCH_BEST_SQL may name a file with a variant of the same shape, to try it.</summary>
    public static string QueryFor(string path, bool array, int top) =>
        DuckDbPeer.Fill(Environment.GetEnvironmentVariable("LTV_BENCH_BEST_SQL") is { } scratch ? File.ReadAllText(scratch) : Sql, path, array, top);

    /// <summary>Runs the query on <paramref name="connection"/> (open) and reads every column of its rows.</summary>
    public static IReadOnlyList<TopRow> TopRows(DuckDBConnection connection, string path, bool array, int top)
    {
        using var command = connection.CreateCommand();
        command.CommandText = QueryFor(path, array, top);
        using var reader = command.ExecuteReader();
        var rows = new List<TopRow>(top);
        while (reader.Read())
        {
            rows.Add(new TopRow(
                reader.GetString(0),
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3),
                Convert.ToInt64(reader.GetValue(4), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(5), CultureInfo.InvariantCulture),
                Convert.ToDecimal(reader.GetValue(6), CultureInfo.InvariantCulture),
                Convert.ToInt64(reader.GetValue(7), CultureInfo.InvariantCulture),
                Convert.ToDecimal(reader.GetValue(8), CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    /// <summary>A fresh in-memory database for one query, as a one-off script would open it.</summary>
    public static IReadOnlyList<TopRow> TopRows(string path, bool array, int top)
    {
        using var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return TopRows(connection, path, array, top);
    }
}
