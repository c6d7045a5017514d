using System.Reflection;
using System.Runtime.CompilerServices;

namespace LtvTools.Reliability.Tests;

/// <summary>
/// Finds static state that one caller could change under another (two runspaces share one loaded assembly):
/// a static field that is not readonly, or a public static value that can be changed through its setters or
/// elements. Compiler-made caches (lambda singletons) are left out.
/// </summary>
internal static class StaticState
{
    public static List<string> MutableIn(Assembly assembly)
    {
        var found = new List<string>();
        foreach (var type in assembly.GetTypes().Where(t => !IsCompilerGenerated(t)))
        {
            const BindingFlags statics = BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var field in type.GetFields(statics).Where(f => !f.IsLiteral))
            {
                if (!field.IsInitOnly)
                {
                    found.Add($"{type.FullName}.{field.Name} is a static field that is not readonly");
                }
            }

            foreach (var property in type.GetProperties(statics).Where(p => p.GetMethod?.IsPublic == true && p.GetIndexParameters().Length == 0))
            {
                if (property.SetMethod?.IsPublic == true)
                {
                    found.Add($"{type.FullName}.{property.Name} is a settable static property");
                }
                else if (property.GetValue(null) is { } value && ReferenceEquals(value, property.GetValue(null)) && IsChangeable(value))
                {
                    found.Add($"{type.FullName}.{property.Name} returns one shared object that callers can change");
                }
            }
        }

        return found;
    }

    /// <summary>Arrays can be written through a cast; objects with public setters can be changed by anyone holding them.</summary>
    private static bool IsChangeable(object? value) =>
        value is Array ||
        (value != null && !value.GetType().IsValueType && value is not string &&
         value.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public).Any(p => p.SetMethod?.IsPublic == true));

    private static bool IsCompilerGenerated(Type type) =>
        type.IsDefined(typeof(CompilerGeneratedAttribute), inherit: false) || (type.DeclaringType != null && IsCompilerGenerated(type.DeclaringType));
}
