using System.Diagnostics;
using LtvTools.Benchmarks;

try
{
    var command = CommandLine.Parse(args);
    switch (command.Verb)
    {
        case "generate":
            return Generate(command);
        default:
            Console.Error.WriteLine($"unknown command '{command.Verb}'; use: generate | run");
            return 2;
    }
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

static int Generate(CommandLine command)
{
    var events = command.Number("events", 1_000_000) * command.Number("scale", 1);
    var array = string.Equals(command.Text("format"), "array", StringComparison.OrdinalIgnoreCase);
    var options = new GeneratorOptions(
        events,
        command.Number("customers", GeneratorOptions.DefaultCustomers(events)),
        array,
        (ulong)command.Number("seed", (long)GeneratorOptions.DefaultSeed));
    var output = command.Text("out") ?? DataFiles.DefaultPath(events, array);
    var clock = Stopwatch.StartNew();
    var generator = new EventFileGenerator(options);
    generator.WriteTo(output);
    Console.WriteLine($"{output}: {new FileInfo(output).Length / 1e6:F1} MB in {clock.Elapsed.TotalSeconds:F1} s");
    Console.WriteLine(generator.Counts);
    return 0;
}
