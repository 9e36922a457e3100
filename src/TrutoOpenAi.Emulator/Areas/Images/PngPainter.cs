using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace TrutoOpenAi.Emulator.Areas.Images;

/// <summary>
/// The emulator's images: real PNG files (signature, IHDR, zlib IDAT, IEND, with CRCs) of the requested size, painted
/// deterministically from a seed (the prompt, the index, the input images' hashes): horizontal bands of two colours picked
/// by the seed's SHA-256, the first colour fully transparent when the background is transparent. The prompt is kept in a
/// tEXt chunk (keyword Description). jpeg and webp requests get PNG bytes too: the emulator has no encoder for them.
/// </summary>
public static class PngPainter
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly uint[] CrcTable = BuildCrcTable();

    /// <summary>A PNG of <paramref name="width"/> x <paramref name="height"/> painted from <paramref name="seed"/>.</summary>
    public static byte[] Paint(int width, int height, string seed, bool transparent, int bands = 8, string? description = null)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        var channels = transparent ? 4 : 3;
        using var raw = new MemoryStream();
        using (var zlib = new ZLibStream(raw, CompressionLevel.Fastest, leaveOpen: true))
        {
            var rows = new byte[2][];
            for (var band = 0; band < 2; band++)
            {
                var row = new byte[1 + width * channels]; // filter byte 0 (None), then pixels
                for (var x = 0; x < width; x++)
                {
                    var at = 1 + x * channels;
                    row[at] = hash[band * 3];
                    row[at + 1] = hash[band * 3 + 1];
                    row[at + 2] = hash[band * 3 + 2];
                    if (transparent) row[at + 3] = band == 0 ? (byte)0 : (byte)255;
                }
                rows[band] = row;
            }
            var bandHeight = Math.Max(1, height / Math.Max(1, bands));
            for (var y = 0; y < height; y++) zlib.Write(rows[(y / bandHeight) % 2]);
        }
        using var png = new MemoryStream();
        png.Write(Signature);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = (byte)(transparent ? 6 : 2); // RGBA or RGB
        WriteChunk(png, "IHDR", header);
        if (!string.IsNullOrEmpty(description))
            WriteChunk(png, "tEXt", Encoding.Latin1.GetBytes("Description\0" + (description.Length > 200 ? description[..200] : description)));
        WriteChunk(png, "IDAT", raw.ToArray());
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void WriteChunk(Stream stream, string type, byte[] data)
    {
        Span<byte> four = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(four, data.Length);
        stream.Write(four);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        stream.Write(typeBytes);
        stream.Write(data);
        var crc = Crc(Crc(0xFFFFFFFF, typeBytes), data) ^ 0xFFFFFFFF;
        BinaryPrimitives.WriteUInt32BigEndian(four, crc);
        stream.Write(four);
    }

    private static uint Crc(uint crc, byte[] data)
    {
        foreach (var b in data) crc = CrcTable[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }

    private static uint[] BuildCrcTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            table[n] = c;
        }
        return table;
    }
}
