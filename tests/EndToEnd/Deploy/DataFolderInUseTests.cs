using IntegrationBot.EndToEnd.Support;

namespace IntegrationBot.EndToEnd.Deploy;

/// <summary>The operator starts the host a second time on the data folder of one that runs (the service was already
/// up; a second terminal): the real processes, as the README starts them.</summary>
public sealed class DataFolderInUseTests
{
    // Found walking the README's deploy steps: the second host printed its clear line on standard error ("error: Cannot
    // open the database file ...: it is in use by another IntegrationBot process (stop it and retry) ...", exit 3), but
    // its log had first written "fail: ... Hosting failed to start" with the StorageOpenException's 30-line stack
    // trace, in the same journal. The same for a data folder that cannot be created.
    [Fact]
    public async Task A_second_host_on_a_data_folder_in_use_says_so_in_one_line_with_exit_code_3()
    {
        await using var running = await HostProcess.StartAsync();

        var (exit, output) = await Cli.RunAsync(running.DataPath, "", "--urls", "http://127.0.0.1:0");

        Assert.True(exit == 3, $"exit {exit}:\n{output}");
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: Cannot open the database file ", line, StringComparison.Ordinal);
        Assert.Contains("in use by another IntegrationBot process", line, StringComparison.Ordinal);
        Assert.False(running.HasExited);
    }
}
