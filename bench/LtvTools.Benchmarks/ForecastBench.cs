using System.Diagnostics;
using System.Globalization;
using LtvTools.Core;

namespace LtvTools.Benchmarks;

/// <summary>
/// The forecast's figures on one file: Get-LtvCustomerSummary -Path against Get-TopLtvCustomer -Path (runs
/// alternate, so the ratio comes from one stretch of machine load), the two fits and the forecast of every
/// customer in the core, and the all-in-one Get-LtvForecast -Path.
/// </summary>
internal static class ForecastBench
{
    public static void Measure(string path, int repetitions, string? modulePath, bool coreOnly)
    {
        var bytes = new FileInfo(path).Length;
        var reference = CoreRun.Execute(path, 10);
        var events = reference.Summary.RecordsRead;
        var clock = Stopwatch.StartNew();
        var summaries = CustomerForecast.Summarize(reference.Dataset);
        var summarySeconds = clock.Elapsed.TotalSeconds;
        var repeat = summaries.Count(s => s.Frequency > 0);
        Console.WriteLine($"{path}: {bytes / 1e6:F1} MB, {events} events, {summaries.Count} customers with orders ({repeat} repeat), summarised from the dataset in {summarySeconds:F3} s");

        // A fit that cannot be made (the default files' customers never drop out) is timed to its error, and
        // the modes that need a model are left out.
        LtvForecastModel? model = null;
        ForecastFitException? refused = null;
        var fit = Repeater.Measure(ModeNames.ForecastFit, "CustomerForecast.Fit on every summary (BG/NBD and Gamma-Gamma)", repetitions, bytes, events, () =>
        {
            try
            {
                model = CustomerForecast.Fit(summaries);
            }
            catch (ForecastFitException ex)
            {
                refused = ex;
            }
        });
        Measurement? predict = null;
        if (refused != null)
        {
            Console.WriteLine($"  fit refused ({refused.Problem}, after {refused.Model?.BgNbdEvaluations} BG/NBD likelihood evaluations): {refused.Message}");
        }
        else
        {
            Console.WriteLine(FormattableString.Invariant($"  model: r={model!.R:G6} alpha={model.Alpha:G6} a={model.A:G6} b={model.B:G6} LL={model.BgNbdLogLikelihood:F1}; p={model.P:G6} q={model.Q:G6} v={model.V:G6} on {model.SpendCustomers} customers; {model.BgNbdEvaluations} + {model.GammaGammaEvaluations} likelihood evaluations"));
            predict = Repeater.Measure(ModeNames.ForecastPredict, $"CustomerForecast.Predict for all {summaries.Count} customers, 52 periods, rate 0.01", repetitions, bytes, events, () =>
            {
                if (CustomerForecast.Predict(model, summaries, 52, 0.01).Count != summaries.Count)
                {
                    throw new BenchFailure("the forecast did not cover every customer");
                }
            });
        }

        if (coreOnly)
        {
            Console.WriteLine("  cmdlet modes not measured: --core-only");
            return;
        }

        using var session = new PowerShellSession(modulePath);
        if (!session.ModuleLoaded)
        {
            Console.WriteLine("  cmdlet modes not measured: the module is not built");
            return;
        }

        var expected = summaries.Count;
        Action Counted(string script) => () =>
        {
            var passed = session.Invoke(script, path);
            if (passed.Count != 1 || (long)passed[0].BaseObject != expected)
            {
                throw new BenchFailure($"'{script}' passed {passed.FirstOrDefault()} objects, not {expected}");
            }
        };

        var (top, summary) = Repeater.MeasurePair(
            (ModeNames.CmdletPath, "Get-TopLtvCustomer -Path file -Top 10", () => session.Invoke("Get-TopLtvCustomer -Path $file -Top 10", path)),
            (ModeNames.SummaryPath, "Get-LtvCustomerSummary -Path file | Receive-BenchObject (runs alternate with the above)", Counted("Get-LtvCustomerSummary -Path $file | Receive-BenchObject")),
            repetitions,
            bytes,
            events);
        var all = refused != null ? null : Repeater.Measure(ModeNames.ForecastPath, "Get-LtvForecast -Path file -Horizon 52 | Receive-BenchObject (summarise, fit, forecast)", repetitions, bytes, events,
            Counted("Get-LtvForecast -Path $file -Horizon 52 -DiscountRate 0.01 | Receive-BenchObject"));

        var pairs = top.Seconds.Zip(summary.Seconds, (t, s) => s / t).ToList();
        Console.WriteLine();
        Console.WriteLine("| figure | value | target | met |");
        Console.WriteLine("|---|---|---|---|");
        Row($"summary -Path / top -Path (median of {pairs.Count} paired runs)", Statistics.Median(pairs), "<= 1.5", v => v <= 1.5);
        Row(refused != null ? "fit, s (median; refused)" : "fit, s (median)", fit.MedianSeconds, "< 5", v => v < 5);
        if (predict != null && all != null)
        {
            Row("forecast of every customer, s (median)", predict.MedianSeconds, "< 1", v => v < 1);
            Row("Get-LtvForecast -Path, s (median)", all.MedianSeconds, "-", _ => true);
        }
    }

    private static void Row(string name, double value, string target, Func<double, bool> met) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {value:F3} | {target} | {(target == "-" ? "-" : met(value) ? "yes" : "NO")} |"));
}
