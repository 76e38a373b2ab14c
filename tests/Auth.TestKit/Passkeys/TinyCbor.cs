namespace Auth.TestKit.Passkeys;

/// <summary>
/// Just enough CBOR (RFC 8949) to write what an authenticator sends: unsigned and negative integers, byte and
/// text strings, maps. Definite lengths only; the caller writes map keys in CTAP2 canonical order.
/// </summary>
public sealed class TinyCbor
{
    private readonly MemoryStream _out = new();

    public byte[] ToArray() => _out.ToArray();

    public TinyCbor Int(long value) => value >= 0 ? Head(0, (ulong)value) : Head(1, (ulong)(-1 - value));

    public TinyCbor Bytes(ReadOnlySpan<byte> value)
    {
        Head(2, (ulong)value.Length);
        _out.Write(value);
        return this;
    }

    public TinyCbor Text(string value) => Bytes(System.Text.Encoding.UTF8.GetBytes(value), majorType: 3);

    public TinyCbor Map(int pairs) => Head(5, (ulong)pairs);

    private TinyCbor Bytes(byte[] value, int majorType)
    {
        Head(majorType, (ulong)value.Length);
        _out.Write(value);
        return this;
    }

    // The initial byte: major type in the top 3 bits, then the length or value in 0-23 or 1/2/4/8 following bytes.
    private TinyCbor Head(int majorType, ulong value)
    {
        var major = (byte)(majorType << 5);
        if (value < 24) _out.WriteByte((byte)(major | (byte)value));
        else if (value <= byte.MaxValue) { _out.WriteByte((byte)(major | 24)); _out.WriteByte((byte)value); }
        else if (value <= ushort.MaxValue) { _out.WriteByte((byte)(major | 25)); BigEndian(value, 2); }
        else if (value <= uint.MaxValue) { _out.WriteByte((byte)(major | 26)); BigEndian(value, 4); }
        else { _out.WriteByte((byte)(major | 27)); BigEndian(value, 8); }
        return this;
    }

    private void BigEndian(ulong value, int bytes)
    {
        for (var i = bytes - 1; i >= 0; i--) _out.WriteByte((byte)(value >> (8 * i)));
    }
}
