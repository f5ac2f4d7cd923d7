using Microsoft.Extensions.DependencyInjection;

namespace IntegrationBot.Dialogs.Privacy;

/// <summary>How a storage provider hands a store holding personal data to erasure and retention.</summary>
public static class PersonalDataRegistration
{
    /// <summary>
    /// Registers the singleton <typeparamref name="TStore"/> (registered already) as an <see cref="IUserDataEraser"/> and
    /// an <see cref="IRetentionPurgeable"/>. Erasers run in the order registered.
    /// </summary>
    public static IServiceCollection AddPersonalData<TStore>(this IServiceCollection services)
        where TStore : class, IUserDataEraser, IRetentionPurgeable
    {
        services.AddSingleton<IUserDataEraser>(sp => sp.GetRequiredService<TStore>());
        services.AddSingleton<IRetentionPurgeable>(sp => sp.GetRequiredService<TStore>());
        return services;
    }
}
