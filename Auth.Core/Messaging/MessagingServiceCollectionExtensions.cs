using Auth.Core.SignIn;
using Auth.Core.Throttling;
using Auth.Core.Tokens;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Auth.Core.Messaging;

public static class MessagingServiceCollectionExtensions
{
    /// <summary>Templates, the sandbox, the outbox writer, link/code tokens and every flow that sends a message.</summary>
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
        services.AddSingleton<OutgoingMessages>();
        services.AddSingleton<Throttles>();
        services.AddSingleton<SendLimits>();
        services.AddSingleton<SmsBudget>();
        services.TryAddSingleton<IClientAddress, NoClientAddress>();
        services.AddSingleton<MessageLog>();
        services.AddSingleton<LinkTokens>();
        services.AddSingleton<SmsCodes>();
        services.AddSingleton<TokenMessages>();
        services.AddSingleton<AccountMessageSender>();

        services.AddSingleton<ResendConfirmation>();
        services.AddSingleton<VerifyLink>();
        services.AddSingleton<SendMagicLink>();
        services.AddSingleton<SendPasswordReset>();
        services.AddSingleton<ResetPassword>();
        services.AddSingleton<ChangeEmail>();
        services.AddSingleton<ResendPhoneCode>();
        services.AddSingleton<VerifyPhone>();
        services.AddSingleton<SendSignInCode>();
        services.AddSingleton<SignInWithCode>();
        services.AddSingleton<SendPasswordResetCode>();
        services.AddSingleton<ResetPasswordWithCode>();
        services.AddSingleton<ChangePhone>();
        return services;
    }
}
