using System.Runtime.InteropServices;

namespace LtvTools.Reliability.Tests;

/// <summary>A fact skipped for root, who can read any file whatever its permissions say.</summary>
public sealed class NotRootFactAttribute : FactAttribute
{
    public NotRootFactAttribute()
    {
        if (IsRoot)
        {
            Skip = "running as root: file permissions do not stop root from reading";
        }
    }

    public static bool IsRoot =>
        Environment.UserName == "root" || (!OperatingSystem.IsWindows() && NativeMethods.geteuid() == 0);

    private static class NativeMethods
    {
        [DllImport("libc", SetLastError = false)]
        internal static extern uint geteuid();
    }
}

/// <summary>A fact that runs only when LTV_LARGE_TESTS=1: it writes and reads a file over 2 GiB.</summary>
public sealed class LargeFactAttribute : FactAttribute
{
    public LargeFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("LTV_LARGE_TESTS") != "1")
        {
            Skip = "set LTV_LARGE_TESTS=1 to run (writes and reads a file over 2 GiB; takes minutes)";
        }
    }
}
