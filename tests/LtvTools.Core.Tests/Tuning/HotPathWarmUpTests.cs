using System.Reflection;
using System.Runtime.CompilerServices;
using LtvTools.Core;

namespace LtvTools.Core.Tests;

/// <summary>
/// The warm-up at import compiles every per-record method ahead of the first file, including those of the
/// generic tables, so none of them waits for the JIT in the first command of a fresh session.
/// </summary>
public class HotPathWarmUpTests
{
    [Fact]
    public void Every_marked_method_is_compiled_by_the_warm_up()
    {
        var marked = HotPathWarmUp.MarkedMethods().ToList();

        // The reader, the parser and the tables' own methods are all there.
        Assert.Contains(marked, m => m.Method.DeclaringType == typeof(PlainRecordScanner) && m.Method.Name == nameof(PlainRecordScanner.TryScan));
        Assert.Contains(marked, m => m.Method.DeclaringType == typeof(FileIngestor) && m.Method.Name == "ReadChunk");
        Assert.Contains(marked, m => m.Method.DeclaringType == typeof(CompactKeyMap<VisitRecord>) && m.Method.Name == nameof(CompactKeyMap<VisitRecord>.GetOrAdd));
        // So are the enumerators nested in them, which merges, saves and results walk millions of entries with.
        Assert.Contains(marked, m => m.Method.DeclaringType == typeof(CompactKeyMap<OrderRecord>.EntryEnumerator) && m.Method.Name == nameof(CompactKeyMap<OrderRecord>.EntryEnumerator.MoveNext));
        Assert.Contains(marked, m => m.Method.DeclaringType == typeof(CompactKeyMap<VisitRecord>.ValueEnumerator) && m.Method.Name == nameof(CompactKeyMap<VisitRecord>.ValueEnumerator.MoveNext));
        Assert.Equal(marked.Count, HotPathWarmUp.PrepareAll());
    }

    [Fact]
    public void The_warm_up_knows_every_generic_type_with_marked_methods_that_a_field_holds()
    {
        // A new CompactKeyMap<T> field, or a field of any other generic type that gets marked methods, would
        // otherwise be compiled on first use as tier-0 code, unnoticed.
        var flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static;
        var assembly = typeof(HotPathWarmUp).Assembly;
        bool HasMarkedMethods(Type definition) => definition.GetMethods(flags | BindingFlags.DeclaredOnly).Cast<MethodBase>()
            .Concat(definition.GetConstructors(flags | BindingFlags.DeclaredOnly))
            .Concat(definition.GetProperties(flags | BindingFlags.DeclaredOnly).SelectMany(p => p.GetAccessors(true)))
            .Any(m => (m.MethodImplementationFlags & (MethodImplAttributes)HotPath.Optimized) != 0);
        var used = assembly.GetTypes()
            .SelectMany(t => t.GetFields(flags))
            .Select(f => f.FieldType.IsArray ? f.FieldType.GetElementType()! : f.FieldType)
            .Where(t => t.IsGenericType && !t.ContainsGenericParameters && t.Assembly == assembly && HasMarkedMethods(t.GetGenericTypeDefinition()))
            // A nested type (a table's entry or enumerator) is compiled with the instantiation it is nested in.
            .Select(t => t.IsNested && t.DeclaringType!.IsGenericTypeDefinition ? t.DeclaringType.MakeGenericType(t.GetGenericArguments()) : t)
            .Distinct()
            .ToList();

        Assert.Contains(typeof(CompactKeyMap<VisitRecord>), used);
        Assert.All(used, t => Assert.Contains(t, HotPathWarmUp.HotGenericInstantiations));
    }
}
