using CsCheck;

namespace LtvTools.Reliability.Tests;

/// <summary>One damage done to a file's bytes: a flipped byte, a cut (truncation), or a splice of one range elsewhere.</summary>
public abstract record Mutation
{
    /// <summary>Bytes that change a record's framing or encoding when they land in the wrong place.</summary>
    private static readonly byte[] Structural = { (byte)'\n', (byte)'"', (byte)'{', (byte)'}', (byte)',', 0, 0xC3 };

    public abstract byte[] Apply(byte[] bytes);

    /// <summary>Mostly byte flips, some cuts and splices; positions are taken modulo the current length.</summary>
    public static Gen<Mutation> Any { get; } = Gen.Frequency(
        (8, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Byte, (at, value) => (Mutation)new Flip(at, value))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, Structural.Length - 1].Select(i => Structural[i]), (at, value) => (Mutation)new Flip(at, value))),
        (1, Gen.Int[0, int.MaxValue].Select(at => (Mutation)new Cut(at))),
        (2, Gen.Select(Gen.Int[0, int.MaxValue], Gen.Int[0, 400], Gen.Int[0, int.MaxValue], (from, length, to) => (Mutation)new Splice(from, length, to))));

    public sealed record Flip(int At, byte Value) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            if (bytes.Length > 0)
            {
                bytes[At % bytes.Length] = Value;
            }

            return bytes;
        }
    }

    public sealed record Cut(int At) : Mutation
    {
        public override byte[] Apply(byte[] bytes) => bytes[..(At % (bytes.Length + 1))];
    }

    public sealed record Splice(int From, int Length, int To) : Mutation
    {
        public override byte[] Apply(byte[] bytes)
        {
            if (bytes.Length == 0)
            {
                return bytes;
            }

            var from = From % bytes.Length;
            var piece = bytes[from..Math.Min(bytes.Length, from + Length)];
            var to = To % (bytes.Length + 1);
            return bytes[..to].Concat(piece).Concat(bytes[to..]).ToArray();
        }
    }
}
