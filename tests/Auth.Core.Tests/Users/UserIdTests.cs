using System.Globalization;
using Auth.Core.Users;
using Microsoft.Extensions.Time.Testing;

namespace Auth.Core.Tests.Users;

public sealed class UserIdTests
{
    [Fact]
    public void New_Returns24LowerCaseHexCharacters()
    {
        var id = UserId.New(TimeProvider.System);

        Assert.Matches("^[0-9a-f]{24}$", id);
        Assert.True(UserId.IsValid(id));
    }

    [Fact]
    public void New_StartsWithBigEndianUnixSeconds()
    {
        var now = new DateTimeOffset(2024, 5, 1, 12, 0, 0, TimeSpan.Zero);
        var id = UserId.New(new FakeTimeProvider(now));

        Assert.Equal("66322ec0", id[..8]); // 1714564800 in hex
        Assert.Equal(now.ToUnixTimeSeconds(), long.Parse(id[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void New_SameSecond_GivesDifferentIds()
    {
        var time = new FakeTimeProvider();
        var ids = Enumerable.Range(0, 1000).Select(_ => UserId.New(time)).ToHashSet();

        Assert.Equal(1000, ids.Count);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("66322ec0a1b2c3d4e5f6a7b")]
    [InlineData("66322ec0a1b2c3d4e5f6a7b8c")]
    [InlineData("66322EC0A1B2C3D4E5F6A7B8")]
    [InlineData("66322ec0a1b2c3d4e5f6a7bg")]
    [InlineData("66322ec0 1b2c3d4e5f6a7b8")]
    public void IsValid_NotTwentyFourLowerHex_ReturnsFalse(string? id)
    {
        Assert.False(UserId.IsValid(id));
    }
}
