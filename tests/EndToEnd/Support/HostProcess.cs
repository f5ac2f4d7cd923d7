using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace IntegrationBot.EndToEnd.Support;

/// <summary>The real IntegrationBot host as a child process on a free loopback port, with its own data folder.</summary>
public sealed class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    private static readonly HashSet<int> HandedOut = [];

    private readonly StringBuilder _output = new();
    private Process? _process;

    private HostProcess(string dataPath, int port, IReadOnlyDictionary<string, string> environment, string hostDirectory, string workingDirectory)
    {
        DataPath = dataPath;
        Port = port;
        Environment = environment;
        HostDirectory = hostDirectory;
        WorkingDirectory = workingDirectory;
    }

    public string DataPath { get; }

    /// <summary>Fixed once the host first listens: a first start whose port was taken in the meantime moves to another.</summary>
    public int Port { get; private set; }

    public IReadOnlyDictionary<string, string> Environment { get; }

    /// <summary>The folder holding <c>IntegrationBot.Bot.dll</c>: this test's output, or a published host.</summary>
    public string HostDirectory { get; }

    public string WorkingDirectory { get; }

    public bool HasExited => _process?.HasExited ?? true;

    public Uri BaseAddress => new($"http://127.0.0.1:{Port}");

    public string Output { get { lock (_output) { return _output.ToString(); } } }

    /// <param name="hostDirectory">Where <c>IntegrationBot.Bot.dll</c> is; this test's output folder unless given.</param>
    /// <param name="workingDirectory">The directory the process starts in; the host's folder unless given.</param>
    public static async Task<HostProcess> StartAsync(
        IReadOnlyDictionary<string, string>? environment = null, string? dataPath = null, int? port = null, string? hostDirectory = null, string? workingDirectory = null)
    {
        hostDirectory ??= AppContext.BaseDirectory;
        var host = new HostProcess(
            dataPath ?? Directory.CreateTempSubdirectory("ib-e2e-").FullName,
            port ?? FreePort(),
            environment ?? new Dictionary<string, string>(),
            hostDirectory,
            workingDirectory ?? hostDirectory);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await host.StartAgainAsync();
                return host;
            }
            catch (PortTakenException) when (port is null && attempt < 3)
            {
                // Between FreePort and the host's bind, something else took the port; nothing refers to it yet.
                host.Port = FreePort();
            }
        }
    }

    /// <summary>Starts (or restarts after a kill) the same host on the same port and data folder.</summary>
    public async Task StartAgainAsync()
    {
        var dll = Path.Combine(HostDirectory, "IntegrationBot.Bot.dll");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", BaseAddress.ToString().TrimEnd('/')])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = WorkingDirectory,
        };
        start.Environment["IntegrationBot__Storage__Path"] = DataPath;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in Environment)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("could not start the host");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        // The wait ends as soon as /health answers (or the host exits); the bound is only for a host that never will. A
        // rehearsal with helpers building beside it (load average 30 on 2 cores) saw four healthy starts take over 60 s.
        var deadline = DateTime.UtcNow.Add(StartTimeout);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                var message = $"host exited with {_process.ExitCode}:\n{Output}";
                throw Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase)
                    ? new PortTakenException(Port, message)
                    : new InvalidOperationException(message);
            }

            try
            {
                // A 200 counts only from this process: another test's host may listen on the port (see ListeningSocket).
                if ((await http.GetAsync("/health")).StatusCode == HttpStatusCode.OK && ListeningSocket.IsHeldBy(Port, _process.Id) != false)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        // Not left running: a host that answers later would hold a port and a data folder no test owns.
        await KillAsync();
        throw new TimeoutException($"host (pid {_process.Id}) did not answer /health on port {Port} within {StartTimeout.TotalSeconds} s:\n" + Output);
    }

    /// <summary>SIGKILL: no shutdown code runs, as in a crash or power loss.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            await p.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM: the graceful shutdown an orchestrator asks for.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (_process is not { HasExited: false } p)
        {
            return _process?.ExitCode ?? 0;
        }

        using (var kill = Process.Start("kill", ["-TERM", p.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill!.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await p.WaitForExitAsync(cts.Token);
        return p.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process?.Dispose();
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>
    /// A loopback port free now and never handed out before in this test process: a host killed by one test must not
    /// find its port given to another test's server when it starts again.
    /// </summary>
    public static int FreePort()
    {
        while (true)
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            lock (HandedOut)
            {
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }
        }
    }
}
