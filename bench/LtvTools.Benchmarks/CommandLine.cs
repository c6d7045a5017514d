using System.Globalization;

namespace LtvTools.Benchmarks;

/// <summary>The parsed arguments: a verb, then --name value pairs (a flag without a value is "true").</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);

    private CommandLine(string verb)
    {
        Verb = verb;
    }

    public string Verb { get; }

    public static CommandLine Parse(string[] args)
    {
        var line = new CommandLine(args.Length > 0 ? args[0] : "run");
        for (var i = 1; i < args.Length; i++)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"unexpected argument '{args[i]}'");
            }

            var name = args[i].Substring(2);
            var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
            line._values[name] = hasValue ? args[++i] : "true";
        }

        return line;
    }

    public string? Text(string name) => _values.TryGetValue(name, out var value) ? value : null;

    public long Number(string name, long fallback) =>
        _values.TryGetValue(name, out var value) ? long.Parse(value, NumberStyles.AllowThousands, CultureInfo.InvariantCulture) : fallback;

    public bool Flag(string name) => _values.TryGetValue(name, out var value) && value != "false";
}
