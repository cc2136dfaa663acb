using JcStar.Workflow.Runtime.Activities;
using JcStar.Workflow.Runtime.Mail;
using Microsoft.Extensions.DependencyInjection;

namespace JcStar.Workflow.Mail.Hosting;

public static class MailServiceCollectionExtensions
{
    /// <summary>
    /// Mail through the outbox: the options, the Liquid templates, attachments from the document store, the
    /// transport the options ask for (SMTP, or .eml files), the <c>mail.send</c> activity and the dispatcher that
    /// delivers queued messages. Needs a <see cref="TimeProvider"/>, an <see cref="IOutbox"/> and a document store;
    /// the host runs the dispatcher on its schedule.
    /// </summary>
    public static IServiceCollection AddWorkflowMail(this IServiceCollection services, MailOptions mail)
    {
        services.AddSingleton(mail);
        services.AddSingleton<MailTemplateLibrary>();
        services.AddSingleton<IAttachmentSource, DocumentAttachmentSource>();
        services.AddSingleton(MailTransport.FromOptions(mail));
        services.AddSingleton<SendMailActivity>();
        services.AddSingleton<IActivityHandler, MailSendActivityHandler>();
        services.AddSingleton<MailDispatcher>();
        return services;
    }
}
