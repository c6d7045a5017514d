using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;

namespace LtvTools.Core;

/// <summary>
/// Compiles the <see cref="HotPath"/> methods on a background thread as soon as the module is imported, so
/// that the first file read in a fresh process does not wait for the JIT. Most commands are one call in a
/// fresh pwsh, and in it pwsh spends its first moments binding and compiling its own code on one core while
/// the other is idle: that is when this runs.
/// </summary>
/// <remarks>
/// A method being compiled here when the reader first calls it is not compiled twice: the caller waits for
/// the same compilation. Anything that goes wrong here only means the JIT compiles on first call, as it would
/// anyway, so failures are swallowed.
/// </remarks>
internal static class HotPathWarmUp
{
    /// <summary>The closed generic types whose marked methods the reader and the ledgers call.</summary>
    internal static readonly Type[] HotGenericInstantiations =
    {
        typeof(CompactKeyMap<VisitRecord>),
        typeof(CompactKeyMap<OrderRecord>),
        typeof(CompactKeyMap<CustomerOrders>),
        typeof(CompactKeyMap<int>),
        typeof(CompactKeyMap<bool>),
    };

    // Once per process, however many runspaces import the module.
    private static readonly Lazy<bool> Started = new Lazy<bool>(StartThread, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Starts the background compilation, once per process; later calls do nothing.</summary>
    public static void Start() => _ = Started.Value;

    private static bool StartThread()
    {
        // Not on .NET Framework (Windows PowerShell 5.1): its JIT has no tiers to skip, and compiling there
        // could load a dependency before the module's assembly resolver is in place, a failure it would keep.
        if (RuntimeInformation.FrameworkDescription.StartsWith(".NET Framework", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            new Thread(() => PrepareAll()) { IsBackground = true, Priority = ThreadPriority.BelowNormal, Name = "LtvTools warm-up" }.Start();
            return true;
        }
        catch (Exception)
        {
            // No thread to spare: the JIT compiles on first call instead.
            return false;
        }
    }

    /// <summary>Compiles every marked method now, on this thread; returns how many were compiled.</summary>
    internal static int PrepareAll()
    {
        // Classes first: code compiled for a class not yet initialised checks for that on every static access
        // and cannot treat its readonly statics as constants, and these methods are never compiled again.
        foreach (var type in ClosedTypes())
        {
            try
            {
                RuntimeHelpers.RunClassConstructor(type.TypeHandle);
            }
            catch (Exception)
            {
                // A class that fails to initialise fails the same way when first used, where it is reported.
            }
        }

        var prepared = 0;
        foreach (var (method, instantiation) in MarkedMethods())
        {
            try
            {
                RuntimeHelpers.PrepareMethod(method.MethodHandle, instantiation);
                prepared++;
            }
            catch (Exception)
            {
                // This one is compiled on first call instead.
            }
        }

        return prepared;
    }

    /// <summary>
    /// The assembly's non-generic types, the hot generic instantiations and the types nested in them (their
    /// enumerators), closed over the same type arguments.
    /// </summary>
    private static IEnumerable<Type> ClosedTypes()
    {
        const BindingFlags Nested = BindingFlags.Public | BindingFlags.NonPublic;
        var nested = HotGenericInstantiations.SelectMany(t => t.GetGenericTypeDefinition().GetNestedTypes(Nested)
            .Where(n => n.IsGenericTypeDefinition && n.GetGenericArguments().Length == t.GetGenericArguments().Length)
            .Select(n => n.MakeGenericType(t.GetGenericArguments())));
        return typeof(HotPathWarmUp).Assembly.GetTypes().Where(t => !t.ContainsGenericParameters).Concat(HotGenericInstantiations).Concat(nested);
    }

    /// <summary>Every method marked <see cref="HotPath.Optimized"/>, with the type arguments of its declaring type.</summary>
    internal static IEnumerable<(MethodBase Method, RuntimeTypeHandle[]? Instantiation)> MarkedMethods()
    {
        const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        foreach (var type in ClosedTypes())
        {
            var instantiation = type.IsGenericType ? type.GetGenericArguments().Select(a => a.TypeHandle).ToArray() : null;
            foreach (var method in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
            {
                if (!method.IsAbstract && !method.ContainsGenericParameters &&
                    (method.MethodImplementationFlags & (MethodImplAttributes)HotPath.Optimized) != 0)
                {
                    yield return (method, instantiation);
                }
            }
        }
    }
}
