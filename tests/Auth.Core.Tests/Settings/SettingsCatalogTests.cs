using Auth.Core.Settings;

namespace Auth.Core.Tests.Settings;

public class SettingsCatalogTests
{
    [Theory]
    [InlineData("confirm_email", MessageChannel.Email)]
    [InlineData("magic_link", MessageChannel.Email)]
    [InlineData("reset_password", MessageChannel.Email)]
    [InlineData("confirm_email_change", MessageChannel.Email)]
    [InlineData("verify_sms_code", MessageChannel.Sms)]
    [InlineData("signin_sms_code", MessageChannel.Sms)]
    public void MessageType_ChannelOf_MatchesKey(string key, MessageChannel channel)
    {
        Assert.True(MessageType.IsKnown(key));
        Assert.Equal(channel, MessageType.ChannelOf(key));
        Assert.Equal(MessageDefaults.For(key).Body, new MessagesSettings().Get(key).Body);
    }

    [Fact]
    public void MessageType_Unknown_IsRejected()
    {
        Assert.False(MessageType.IsKnown("welcome"));
        Assert.Throws<ArgumentOutOfRangeException>(() => MessageType.ChannelOf("welcome"));
    }

    [Fact]
    public void MessageDefaults_For_ReturnsFreshCopies()
    {
        var a = MessageDefaults.For(MessageType.MagicLink);
        a.Subject = "changed";

        Assert.Equal(MessageDefaults.MagicLinkSubject, MessageDefaults.For(MessageType.MagicLink).Subject);
    }

    [Fact]
    public void Providers_GetAndAll_CoverEveryName()
    {
        var providers = new ProvidersSettings();

        Assert.Equal(ProvidersSettings.Names, providers.All.Select(p => p.Key));
        Assert.Same(providers.Github, providers.Get("GitHub"));
        Assert.IsType<AppleProviderSettings>(providers.Get("apple"));
        Assert.Null(providers.Get("gitlab"));
    }
}
