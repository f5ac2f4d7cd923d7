using IntegrationBot.Bot.Cli;
using IntegrationBot.Bot.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace IntegrationBot.Bot.Tests.Hosting;

/// <summary>
/// A stop asked for (SIGTERM from systemd or docker, Ctrl+C) while the host is still starting its services is a normal
/// stop. Tried by hand: SIGTERM 3 s after start aborted the process (exit 134) with "Unhandled exception.
/// TaskCanceledException" and its trace, from whichever service was waiting on the store at that moment.
/// </summary>
public sealed class StopWhileStartingTests
{
    [Fact]
    public async Task A_stop_during_the_start_ends_the_run_with_one_line_and_exit_code_0()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var starting = new WaitsUntilCanceled();
        builder.Services.AddSingleton<IHostedService>(starting);
        await using var app = builder.Build();
        var error = new StringWriter();

        var run = HostRun.RunAsync(app, error);
        await starting.Entered.WaitAsync(TestContext.Current.CancellationToken);
        app.Lifetime.StopApplication();

        Assert.Equal(ExitCodes.Ok, await run.WaitAsync(TestContext.Current.CancellationToken));
        Assert.Equal("stopped: asked to stop before the start had finished", error.ToString().Trim());
    }

    /// <summary>A service whose start waits on something slow (the store, say), as the host's own do.</summary>
    private sealed class WaitsUntilCanceled : IHostedService
    {
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Entered => _entered.Task;

        public async Task StartAsync(CancellationToken cancellationToken)
        {
            _entered.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
