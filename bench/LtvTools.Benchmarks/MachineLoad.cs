namespace LtvTools.Benchmarks;

/// <summary>
/// The 1-minute load average (Linux), printed with the figures: on a shared 2-core machine other work
/// slows every mode, and readers should know when a run was not on a quiet machine.
/// </summary>
internal static class MachineLoad
{
    public static double? OneMinute()
    {
        try
        {
            var text = File.ReadAllText("/proc/loadavg");
            return double.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
