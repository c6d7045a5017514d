using System;
using System.IO;
using System.IO.Hashing;

namespace LtvTools.Core;

/// <summary>
/// Saves and loads an <see cref="LtvDataset"/> (the <c>.ltvd</c> format): a 32-byte header with the format's
/// signature, version, body length and an XxHash64 of the body, then the body (the dataset's distinct
/// things, the exchange rates that shaped its amounts, and where its order side starts).
/// </summary>
/// <remarks>
/// A save writes a temporary file beside the target and renames it over the target only once the file is
/// complete and flushed to disk, so a save that is killed or fails leaves the previous file as it was. A
/// load checks the signature, version, length and checksum before it decodes anything, so a damaged file
/// is an error, never a wrong dataset.
/// </remarks>
public static class LtvDatasetFile
{
    /// <summary>The format version this code writes, and the newest it reads.</summary>
    /// <remarks>
    /// Version 2 ends the body with where its order side starts, so that the two sides are decoded at once.
    /// Version 1 (the same body without that) still loads, one side after the other.
    /// </remarks>
    public const int FormatVersion = 2;

    /// <summary>The file name extension the cmdlets suggest.</summary>
    public const string Extension = ".ltvd";

    private const int HeaderLength = 32;

    // 0x89 and CR LF 0x1A (as in PNG) show at once a file that went through a text-mode copy.
    private static readonly byte[] Signature = { 0x89, (byte)'L', (byte)'T', (byte)'V', (byte)'D', 0x0D, 0x0A, 0x1A };

    /// <summary>Saves <paramref name="dataset"/> to <paramref name="path"/>, replacing any file there atomically.</summary>
    /// <returns>The number of bytes written.</returns>
    public static long Save(LtvDataset dataset, string path)
    {
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A path is required.", nameof(path));
        }

        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full) ?? ".", "." + Path.GetFileName(full) + "." + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            long length;
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16))
            {
                length = Write(dataset, file);
                file.Flush(true);
            }

            if (File.Exists(full))
            {
                File.Replace(temporary, full, null);
            }
            else
            {
                File.Move(temporary, full);
            }

            return length;
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Loads the dataset saved at <paramref name="path"/>.</summary>
    /// <exception cref="LtvDatasetFileException">The file is not a dataset, is newer, truncated or corrupted.</exception>
    public static LtvDataset Load(string path)
    {
        if (string.IsNullOrEmpty(path))
        {
            throw new ArgumentException("A path is required.", nameof(path));
        }

        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
        {
            return Read(file, path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16));
        }
    }

    /// <summary>The dataset in the saved format, as bytes (how a dataset travels between PowerShell sessions).</summary>
    public static byte[] ToBytes(LtvDataset dataset)
    {
        if (dataset is null)
        {
            throw new ArgumentNullException(nameof(dataset));
        }

        using (var buffer = new MemoryStream())
        {
            Write(dataset, buffer);
            return buffer.ToArray();
        }
    }

    /// <summary>A dataset back from <see cref="ToBytes"/>, checked as a file is; <paramref name="source"/> names the bytes in errors.</summary>
    /// <exception cref="LtvDatasetFileException">The bytes are not a dataset, are newer, truncated or corrupted.</exception>
    public static LtvDataset FromBytes(byte[] bytes, string source)
    {
        if (bytes is null)
        {
            throw new ArgumentNullException(nameof(bytes));
        }

        using (var buffer = new MemoryStream(bytes, writable: false))
        {
            return Read(buffer, source, () => new MemoryStream(bytes, writable: false));
        }
    }

    /// <summary>Writes header and body to <paramref name="output"/> (seekable, at position 0) and returns the length.</summary>
    private static long Write(LtvDataset dataset, Stream output)
    {
        output.Write(new byte[HeaderLength], 0, HeaderLength);
        var body = new DatasetEncoder(output);
        dataset.Write(body);
        body.Flush();

        var header = new byte[HeaderLength];
        Array.Copy(Signature, header, Signature.Length);
        PutUInt64(header, 8, FormatVersion | ((ulong)HeaderLength << 32));
        PutUInt64(header, 16, (ulong)body.Length);
        PutUInt64(header, 24, body.Checksum());
        output.Position = 0;
        output.Write(header, 0, HeaderLength);
        return HeaderLength + body.Length;
    }

    /// <summary>
    /// Checks and decodes the saved dataset in <paramref name="input"/>; <paramref name="reopen"/> opens the same
    /// bytes a second time, for the order side to be read beside the visit side.
    /// </summary>
    internal static LtvDataset Read(Stream input, string source, Func<Stream> reopen)
    {
        var length = input.Length;
        var header = new byte[HeaderLength];
        var got = ReadFully(input, header, HeaderLength);
        for (var i = 0; i < Signature.Length; i++)
        {
            if (i >= got || header[i] != Signature[i])
            {
                throw new LtvDatasetFileException(source, got == 0 ? "the file is empty, not a saved LtvTools dataset" : "not a saved LtvTools dataset (the file does not start with the dataset signature)");
            }
        }

        if (got < HeaderLength)
        {
            throw new LtvDatasetFileException(source, $"the file is truncated: it ends inside the {HeaderLength}-byte header, after {got} bytes");
        }

        var version = BitConverter.ToUInt16(header, 8);
        var flags = BitConverter.ToUInt16(header, 10);
        var headerLength = BitConverter.ToUInt32(header, 12);
        if (version > FormatVersion)
        {
            throw new LtvDatasetFileException(source, $"written by a newer LtvTools (dataset format version {version}; this version reads up to {FormatVersion}); update the module to load it");
        }

        if (version == 0 || flags != 0 || headerLength != HeaderLength)
        {
            throw new LtvDatasetFileException(source, "the file is corrupted: its header is invalid");
        }

        var bodyLength = BitConverter.ToUInt64(header, 16);
        var expected = BitConverter.ToUInt64(header, 24);
        var actual = (ulong)(length - HeaderLength);
        if (bodyLength > actual)
        {
            throw new LtvDatasetFileException(source, $"the file is truncated: it holds {length} bytes of the {HeaderLength + bodyLength} it was saved with");
        }

        if (bodyLength < actual)
        {
            throw new LtvDatasetFileException(source, $"the file is corrupted: {actual - bodyLength} bytes follow the end of the dataset");
        }

        // The whole body is checked before any of it is decoded.
        var hash = new XxHash64();
        var block = new byte[1 << 20];
        int read;
        while ((read = input.Read(block, 0, block.Length)) > 0)
        {
            hash.Append(new ReadOnlySpan<byte>(block, 0, read));
        }

        if (hash.GetCurrentHashAsUInt64() != expected)
        {
            throw new LtvDatasetFileException(source, "the file is corrupted: its checksum does not match its content");
        }

        try
        {
            return version == 1 ? DecodeOneAfterTheOther(input, (long)bodyLength) : DecodeSideBySide(input, header, (long)bodyLength, reopen);
        }
        catch (InvalidDataException ex)
        {
            throw new LtvDatasetFileException(source, "the file is corrupted: " + ex.Message, ex);
        }
    }

    /// <summary>A version-1 body: the order side follows the visit side, with nothing saying where.</summary>
    private static LtvDataset DecodeOneAfterTheOther(Stream input, long bodyLength)
    {
        input.Position = HeaderLength;
        var body = new DatasetDecoder(input, bodyLength);
        var dataset = LtvDataset.Read(body, () => body, () => body, inParallel: false);
        if (body.Remaining != 0)
        {
            throw new InvalidDataException($"{body.Remaining} bytes are left after the dataset");
        }

        return dataset;
    }

    /// <summary>
    /// A body that ends with where its order side and its orders start: the visit side and then the order
    /// side's customers are decoded from <paramref name="input"/>, and the orders at once from a second view
    /// of the same bytes, when one opens with the same header and length (otherwise, say if a save replaced
    /// the file in between, from <paramref name="input"/> after the rest). Each part must use up exactly its
    /// own bytes.
    /// </summary>
    private static LtvDataset DecodeSideBySide(Stream input, byte[] header, long bodyLength, Func<Stream> reopen)
    {
        const int TrailerLength = 16;
        if (bodyLength < TrailerLength)
        {
            throw new InvalidDataException("the dataset is too short to say where its parts start");
        }

        var trailer = new byte[TrailerLength];
        input.Position = HeaderLength + bodyLength - TrailerLength;
        if (ReadFully(input, trailer, trailer.Length) != trailer.Length)
        {
            throw new InvalidDataException("the data ends early");
        }

        var orderSideStart = BitConverter.ToUInt64(trailer, 0);
        var ordersStart = BitConverter.ToUInt64(trailer, 8);
        var end = (ulong)(bodyLength - TrailerLength);
        if (orderSideStart > ordersStart || ordersStart > end)
        {
            throw new InvalidDataException("its parts do not start where the dataset says");
        }

        using (var second = OpenAgain(reopen, header, input.Length))
        {
            DatasetDecoder Part(Stream stream, ulong start, ulong partEnd)
            {
                stream.Position = HeaderLength + (long)start;
                return new DatasetDecoder(stream, (long)(partEnd - start));
            }

            var visits = Part(input, 0, orderSideStart);
            DatasetDecoder? customers = null;
            DatasetDecoder? orders = null;
            var dataset = LtvDataset.Read(
                visits,
                () => customers = Part(input, orderSideStart, ordersStart),
                () => orders = Part(second ?? input, ordersStart, end),
                inParallel: second != null);
            var left = visits.Remaining + customers!.Remaining + orders!.Remaining;
            if (left != 0)
            {
                throw new InvalidDataException($"{left} bytes are left after the dataset");
            }

            return dataset;
        }
    }

    /// <summary>The bytes opened again, or null when they cannot be or no longer have this header and length.</summary>
    private static Stream? OpenAgain(Func<Stream> reopen, byte[] header, long length)
    {
        Stream? stream = null;
        try
        {
            stream = reopen();
            var again = new byte[HeaderLength];
            if (stream.Length != length || ReadFully(stream, again, again.Length) != again.Length || !again.AsSpan().SequenceEqual(header))
            {
                return null;
            }

            var same = stream;
            stream = null;
            return same;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
        finally
        {
            stream?.Dispose();
        }
    }

    private static int ReadFully(Stream input, byte[] buffer, int count)
    {
        var total = 0;
        int read;
        while (total < count && (read = input.Read(buffer, total, count - total)) > 0)
        {
            total += read;
        }

        return total;
    }

    private static void PutUInt64(byte[] target, int offset, ulong value)
    {
        for (var i = 0; i < 8; i++)
        {
            target[offset + i] = (byte)(value >> (8 * i));
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
            // Best effort: the target is untouched either way.
        }
        catch (UnauthorizedAccessException)
        {
            // Likewise.
        }
    }
}
