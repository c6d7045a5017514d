using System;
using System.Management.Automation;
using LtvTools.Core;

namespace LtvTools.Commands;

/// <summary>
/// How an <see cref="LtvDataset"/> crosses a process boundary (Invoke-Command, Start-Job, Export-Clixml): it
/// is serialized as one property, <c>SavedBytes</c>, holding the saved-file bytes (which CLIXML carries as
/// base64), and the receiving side turns that property bag back into a live dataset, checked as a file is.
/// Both halves are wired up in LtvTools.types.ps1xml.
/// </summary>
public sealed class LtvDatasetSerialization : PSTypeConverter
{
    /// <summary>The type name PowerShell gives a dataset's property bag.</summary>
    internal const string DeserializedTypeName = "Deserialized.LtvTools.Core.LtvDataset";

    private const string BytesProperty = "SavedBytes";

    /// <summary>The CodeProperty behind <c>SavedBytes</c>: the dataset in the saved format.</summary>
    public static byte[] GetSavedBytes(PSObject instance)
    {
        if (instance?.BaseObject is LtvDataset dataset)
        {
            return LtvDatasetFile.ToBytes(dataset);
        }

        throw new ArgumentException("SavedBytes is a property of LtvDataset objects.", nameof(instance));
    }

    /// <summary>The live dataset of <paramref name="input"/> when it is a dataset's property bag (from another session); false otherwise.</summary>
    /// <exception cref="LtvDatasetFileException">The bag's bytes are damaged.</exception>
    internal static bool TryRehydrate(object? input, out LtvDataset? dataset)
    {
        if (input is PSObject bag && IsSerializedDataset(bag))
        {
            dataset = LtvDatasetFile.FromBytes((byte[])bag.Properties[BytesProperty].Value, Origin);
            return true;
        }

        dataset = null;
        return false;
    }

    /// <summary>True for a dataset's property bag that carries its bytes.</summary>
    public override bool CanConvertFrom(PSObject sourceValue, Type destinationType) => IsSerializedDataset(sourceValue);

    private const string Origin = "a dataset from another PowerShell session";

    private static bool IsSerializedDataset(PSObject? bag) =>
        bag != null && bag.TypeNames.Contains(DeserializedTypeName) && bag.Properties[BytesProperty]?.Value is byte[];

    /// <summary>The live dataset back from its bytes; damaged bytes are an error, never a wrong dataset.</summary>
    public override object ConvertFrom(PSObject sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase)
    {
        if (!CanConvertFrom(sourceValue, destinationType))
        {
            throw new PSInvalidCastException($"Only a serialized LtvDataset (with its {BytesProperty}) converts back to a dataset.");
        }

        return LtvDatasetFile.FromBytes((byte[])sourceValue.Properties[BytesProperty].Value, Origin);
    }

    /// <summary>True for a dataset's property bag that carries its bytes.</summary>
    public override bool CanConvertFrom(object sourceValue, Type destinationType) => sourceValue is PSObject bag && CanConvertFrom(bag, destinationType);

    /// <summary>The live dataset back from its property bag; see the <see cref="PSObject"/> overload.</summary>
    public override object ConvertFrom(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        ConvertFrom((PSObject)sourceValue, destinationType, formatProvider, ignoreCase);

    /// <summary>False: a dataset converts only from its serialized form.</summary>
    public override bool CanConvertTo(object sourceValue, Type destinationType) => false;

    /// <summary>Always throws: a dataset converts only from its serialized form.</summary>
    /// <exception cref="PSInvalidCastException">Always.</exception>
    public override object ConvertTo(object sourceValue, Type destinationType, IFormatProvider formatProvider, bool ignoreCase) =>
        throw new PSInvalidCastException("An LtvDataset converts only from its serialized form.");
}
