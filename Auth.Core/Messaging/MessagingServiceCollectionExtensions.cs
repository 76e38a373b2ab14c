using Auth.Core.SignIn;
using Auth.Core.Throttling;
using Auth.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Auth.Core.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Templates, the sandbox, the outbox writer, link/code tokens and what the sending flows share (the flows are in AddAuthCore).</summary>
    public static IServiceCollection AddAuthMessaging(this IServiceCollection services)
    {
        services.TryAddSingleton(new SandboxLimits());
        services.AddSingleton(sp => new TemplateRenderer(sp.GetRequiredService<SandboxLimits>()));
        services.AddSingleton<TemplateCache>();
        services.AddSingleton<MessageComposer>();
        services.AddSingleton<MessageTemplateChecker>();
        services.AddSingleton<TemplatePreview>();
        services.AddSingleton<SendTestMessage>();
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<OutboxWriter>();
        services.AddSingleton<Throttles>();
        services.AddSingleton<SendLimits>();
        services.AddSingleton<SmsBudget>();
        services.TryAddSingleton<IClientAddress, NoClientAddress>();
        services.AddSingleton<MessageLog>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<SmsCodes>();
        services.AddSingleton<TokenMessages>();
        services.AddSingleton<EnumerationDecoys>();
        services.AddSingleton<AccountMessageSender>();
        return services;
    }
}
