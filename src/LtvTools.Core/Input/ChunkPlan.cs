using System;
using System.Collections.Generic;
using System.IO;

namespace LtvTools.Core;

/// <summary>Where a plain NDJSON file is cut for parallel reading: every cut falls just after a newline.</summary>
internal sealed class ChunkPlan
{
    private const long MinChunk = 4L << 20;
    private const long MaxChunk = 64L << 20;
    private readonly List<long> _starts;

    private ChunkPlan(List<long> starts, long fileLength, bool whole)
    {
        _starts = starts;
        FileLength = fileLength;
        IsWholeFile = whole;
    }

    public long FileLength { get; }

    /// <summary>
    /// True when the file cannot be cut (gzip, a JSON array, UTF-16, or too small): one chunk, read from the
    /// start with format detection and decompression.
    /// </summary>
    public bool IsWholeFile { get; }

    public int Count => _starts.Count;

    public long Start(int index) => _starts[index];

    public long End(int index) => index + 1 < _starts.Count ? _starts[index + 1] : FileLength;

    /// <summary>Cuts a plain NDJSON file into chunks of about <paramref name="chunkBytes"/> (0: from the size and thread count).</summary>
    public static ChunkPlan Create(string path, int parallelism, long chunkBytes)
    {
        using (var file = EventFile.OpenRaw(path))
        {
            var length = file.Length;
            var whole = new ChunkPlan(new List<long> { 0 }, length, whole: true);
            var probe = new byte[(int)Math.Min(ProbeLength, length)];
            var read = ReadFully(file, probe);
            var head = probe.AsSpan(0, Math.Min(read, FileSignature.Length));

            // The reader decides these files from their start (gzip, or refused as a whole): one chunk.
            if (FileSignature.IsGzip(head) || FileSignature.RefusalOf(head) != null)
            {
                return whole;
            }

            var first = FileSignature.HasUtf8Bom(head) ? 3 : 0;
            var content = first;
            while (content < read && FileSignature.IsWhitespace(probe[content]))
            {
                content++;
            }

            if (content >= read || probe[content] == '[')
            {
                return whole;
            }

            var size = chunkBytes > 0 ? chunkBytes : Math.Max(MinChunk, Math.Min(MaxChunk, length / (Math.Max(1, parallelism) * 4L)));
            var starts = new List<long> { first };
            var scratch = new byte[1 << 16];
            for (var nominal = size; nominal < length; nominal += size)
            {
                var cut = NextLineStart(file, nominal, scratch);
                if (cut >= length)
                {
                    break;
                }

                if (cut > starts[starts.Count - 1])
                {
                    starts.Add(cut);
                }

                nominal = Math.Max(nominal, cut);
            }

            return new ChunkPlan(starts, length, whole: false);
        }
    }

    private const int ProbeLength = 1 << 16;

    /// <summary>The first position at or after <paramref name="from"/> that starts a line.</summary>
    private static long NextLineStart(FileStream file, long from, byte[] scratch)
    {
        file.Position = from - 1;
        var position = from - 1;
        while (true)
        {
            var read = file.Read(scratch, 0, scratch.Length);
            if (read <= 0)
            {
                return file.Length;
            }

            var newline = Array.IndexOf(scratch, (byte)'\n', 0, read);
            if (newline >= 0)
            {
                return position + newline + 1;
            }

            position += read;
        }
    }

    private static int ReadFully(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read <= 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
