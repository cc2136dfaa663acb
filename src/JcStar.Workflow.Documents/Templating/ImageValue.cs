using System.Buffers.Binary;
using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace JcStar.Workflow.Documents.Templating;

/// <summary>A PNG or JPEG to be placed inline where its tag stands.</summary>
internal sealed class ImageValue : FluidValue
{
    private ImageValue(byte[] bytes, string extension, string contentType, int pixelWidth, int pixelHeight, double widthMm, double? heightMm)
    {
        Bytes = bytes;
        Extension = extension;
        ContentType = contentType;
        WidthMm = widthMm;
        HeightMm = heightMm ?? widthMm * pixelHeight / Math.Max(1, pixelWidth);
    }

    public byte[] Bytes { get; }
    public string Extension { get; }
    public string ContentType { get; }
    public double WidthMm { get; }
    public double HeightMm { get; }

    /// <summary>Reads the pixel size from the header; anything but PNG or JPEG is refused.</summary>
    public static ImageValue Create(byte[] bytes, double widthMm, double? heightMm)
    {
        if (widthMm <= 0 || widthMm > 500 || heightMm is <= 0 or > 500)
            throw new FormatException($"image width {widthMm} mm / height {heightMm} mm is outside 0..500 mm");
        if (bytes.Length > 24 && bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            var w = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16));
            var h = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20));
            return new ImageValue(bytes, "png", "image/png", w, h, widthMm, heightMm);
        }
        if (bytes.Length > 4 && bytes[0] == 0xFF && bytes[1] == 0xD8)
        {
            var (w, h) = JpegSize(bytes);
            return new ImageValue(bytes, "jpeg", "image/jpeg", w, h, widthMm, heightMm);
        }
        throw new FormatException("the image is neither PNG nor JPEG");
    }

    private static (int Width, int Height) JpegSize(byte[] b)
    {
        var i = 2;
        while (i + 9 < b.Length)
        {
            if (b[i] != 0xFF) { i++; continue; }
            var marker = b[i + 1];
            var length = (b[i + 2] << 8) | b[i + 3];
            // SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC) carry the frame size.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
                return ((b[i + 7] << 8) | b[i + 8], (b[i + 5] << 8) | b[i + 6]);
            i += 2 + length;
        }
        throw new FormatException("the JPEG has no frame header");
    }

    public override FluidValues Type => FluidValues.Object;

    public override bool Equals(FluidValue other) => ReferenceEquals(this, other);

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => "[image]";

    public override object ToObjectValue() => this;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo) => default;

    public override bool Equals(object? obj) => ReferenceEquals(this, obj);

    public override int GetHashCode() => Bytes.GetHashCode();
}
