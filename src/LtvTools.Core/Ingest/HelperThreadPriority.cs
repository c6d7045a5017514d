using System;
using System.Runtime.InteropServices;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Lowers the priority of the calling helper thread, so that when the engine's threads outnumber the
/// cores, the thread that sets the pace gets the CPU first.
/// </summary>
/// <remarks>
/// Each hand-over is bounded, so a helper that falls behind only makes the paced thread wait, and the
/// helper then runs: no work is starved, it is only ordered. On Linux <see cref="Thread.Priority"/> has no
/// effect, so the thread's nice value is raised instead (allowed without privileges). Only a hint: if
/// the call is not available nothing changes.
/// </remarks>
internal static class HelperThreadPriority
{
    private const int PriorityOfProcess = 0;
    private const int NiceIncrement = 5;
    private const int MaxNice = 19;

    /// <summary>Call at the start of a helper thread of the engine's own (never on a caller's thread).</summary>
    public static void Lower()
    {
        try
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                // who = a thread id: on Linux each thread has its own nice value, inherited from its creator.
                var thread = GetThreadId();
                SetPriority(PriorityOfProcess, thread, Math.Min(MaxNice, GetPriority(PriorityOfProcess, thread) + NiceIncrement));
            }
            else
            {
                Thread.CurrentThread.Priority = ThreadPriority.BelowNormal;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException || ex is EntryPointNotFoundException || ex is PlatformNotSupportedException)
        {
            // No way to lower it here: the thread runs at the usual priority (and helpers start rarely).
        }
    }

    [DllImport("libc", EntryPoint = "setpriority")]
    private static extern int SetPriority(int which, int who, int priority);

    [DllImport("libc", EntryPoint = "getpriority")]
    private static extern int GetPriority(int which, int who);

    [DllImport("libc", EntryPoint = "gettid")]
    private static extern int GetThreadId();
}
