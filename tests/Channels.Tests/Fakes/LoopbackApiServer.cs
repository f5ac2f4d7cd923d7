using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationBot.Channels.Tests.Fakes;

/// <summary>What every fake remote API shares: a real HTTP server on a free 127.0.0.1 port, a log of the calls it
/// received that tests can wait on, and answers scripted for the next call of a method.</summary>
/// <remarks>Each fake keeps its own routes, authentication and answers, so it stays faithful to its API.</remarks>
public sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ApiCall> _calls = new();
    private readonly ConcurrentQueue<(string Method, IResult Answer)> _scripted = new();
    private static readonly IResult NormalAnswer = Results.Empty;
    private readonly ConcurrentQueue<(string Method, TimeSpan Delay)> _delays = new();
    private readonly SemaphoreSlim _callSignal = new(0);
    private WebApplication? _app;

    /// <summary>Scheme, host and port, without a trailing slash; set by <see cref="StartAsync"/>.</summary>
    public string Address { get; private set; } = "";

    public async Task StartAsync(Action<WebApplication> mapRoutes)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        mapRoutes(_app);
        await _app.StartAsync();
        Address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
    }

    public void Record(ApiCall call)
    {
        _calls.Enqueue(call);
        _callSignal.Release();
    }

    /// <summary>The next call of <paramref name="method"/> gets <paramref name="answer"/> instead of the normal one.</summary>
    public void AnswerNext(string method, IResult answer) => _scripted.Enqueue((method, answer));

    /// <summary>The next call of <paramref name="method"/> gets its normal answer; scripts a fault for a later call.</summary>
    public void AnswerNormallyNext(string method) => _scripted.Enqueue((method, NormalAnswer));

    /// <summary>The next call of <paramref name="method"/> is answered only after <paramref name="delay"/> (a slow network).</summary>
    public void DelayNext(string method, TimeSpan delay) => _delays.Enqueue((method, delay));

    /// <summary>Holds the answer when a delay is scripted for this call; gives up when the client goes away.</summary>
    public async Task DelayIfScriptedAsync(string method, CancellationToken aborted)
    {
        if (_delays.TryPeek(out var next) && next.Method == method && _delays.TryDequeue(out next))
        {
            try
            {
                await Task.Delay(next.Delay, aborted);
            }
            catch (OperationCanceledException)
            {
                // The client stopped waiting; the call was still received (and recorded), as on a real network.
            }
        }
    }

    /// <summary>The scripted answer for this call, when the oldest one not yet given is for <paramref name="method"/>.</summary>
    public IResult? TakeScriptedAnswer(string method) =>
        _scripted.TryPeek(out var next) && next.Method == method && _scripted.TryDequeue(out next) && next.Answer != NormalAnswer
            ? next.Answer
            : null;

    public IReadOnlyList<ApiCall> CallsTo(string method) => _calls.Where(c => c.Method == method).ToList();

    /// <summary>Waits until <paramref name="count"/> calls of <paramref name="method"/> arrived, or fails after the deadline.</summary>
    public async Task<IReadOnlyList<ApiCall>> WaitForCallsAsync(string method, int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (CallsTo(method).Count < count)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"Expected {count} {method} call(s), got {CallsTo(method).Count}.");
            }
            await _callSignal.WaitAsync(left);
        }
        return CallsTo(method);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        _callSignal.Dispose();
    }
}
