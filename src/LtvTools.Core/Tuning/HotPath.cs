using System.Runtime.CompilerServices;

namespace LtvTools.Core;

/// <summary>
/// <c>[MethodImpl(HotPath.Optimized)]</c> marks the few methods every record passes through: they are
/// compiled fully optimized on first use instead of starting as tier-0 code and being recompiled while the
/// first large file is read. Most commands are one call in a fresh pwsh, so that first file is the one the
/// user waits for.
/// </summary>
/// <remarks>
/// The value is <c>MethodImplOptions.AggressiveOptimization</c> (512), which netstandard2.0 does not name:
/// .NET Core 3.0 and later honour it, and .NET Framework (Windows PowerShell 5.1), whose JIT has no tiers,
/// ignores it. Marked methods give up dynamic PGO, so only loops and per-record work carry it.
/// </remarks>
internal static class HotPath
{
    public const MethodImplOptions Optimized = (MethodImplOptions)512;
}
