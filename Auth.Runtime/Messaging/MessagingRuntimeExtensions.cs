using Auth.Core.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Auth.Runtime.Messaging;

public static class MessagingRuntimeExtensions
{
    /// <summary>The senders (MailKit SMTP; Twilio, MessageBird, Vonage over typed HttpClients) and the outbox dispatcher.</summary>
    public static IServiceCollection AddAuthMessagingRuntime(this IServiceCollection services)
    {
        // Messaging:* from the host configuration (README "Configuration"); without one (a studio test host), the defaults.
        services.AddSingleton(sp => MessagingConfiguration.Read(sp.GetService<IConfiguration>()));
        services.AddSingleton<OutboxLeases>();
        services.AddSingleton<SendGates>();
        services.AddSingleton<SmtpConnectionPool>();
        services.AddSingleton<SmtpEmailSender>();
        AddSms<TwilioSmsSender>(services);
        AddSms<MessageBirdSmsSender>(services);
        AddSms<VonageSmsSender>(services);
        services.AddSingleton<OutboxDispatcher>();
        services.AddSingleton<SmtpConnectionTest>();
        services.AddSingleton<SmsTestSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxDispatcher>());
        return services;
    }

    private static void AddSms<TSender>(IServiceCollection services) where TSender : SmsSender
    {
        // An outer bound only; each request is cut at MessagingOptions.SendTimeout.
        services.AddHttpClient<TSender>(client => client.Timeout = TimeSpan.FromSeconds(60))
            // The sender lives as long as the dispatcher, so the handler recycles its connections itself.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .SetHandlerLifetime(Timeout.InfiniteTimeSpan);
        services.AddSingleton<SmsSender>(sp => sp.GetRequiredService<TSender>());
    }
}
