using IntegrationBot.Storage.Postgres.Schema;

namespace IntegrationBot.Storage.Postgres.Outbox;

/// <summary>
/// Delivery marks grouped like a group commit (issue 19): a mark that finds none in flight is deleted at once; marks that
/// arrive meanwhile wait for it to end and then go together in one <c>DELETE … WHERE id = ANY(…)</c>. Under load one
/// round trip serves the marks of many conversations; alone, a mark costs what it did.
/// </summary>
internal sealed class GroupedDeliveryMarks(PostgresDatabase database)
{
    private readonly Lock _lock = new();
    private List<(string Id, TaskCompletionSource Done)> _waiting = [];
    private bool _running;

    /// <summary>Completes once the entry's row is deleted. Cancelling stops only the wait: the delete still happens.</summary>
    public Task MarkAsync(string entryId, CancellationToken cancellationToken)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        bool start;
        lock (_lock)
        {
            _waiting.Add((entryId, done));
            start = !_running;
            _running = true;
        }

        if (start)
        {
            _ = RunAsync();
        }

        return done.Task.WaitAsync(cancellationToken);
    }

    private async Task RunAsync()
    {
        while (true)
        {
            List<(string Id, TaskCompletionSource Done)> group;
            lock (_lock)
            {
                if (_waiting.Count == 0)
                {
                    _running = false;
                    return;
                }

                group = _waiting;
                _waiting = [];
            }

            try
            {
                await using var connection = await database.OpenAsync(CancellationToken.None);
                await Sql.ExecuteAsync(connection, "DELETE FROM outbox WHERE id = ANY(@ids)", CancellationToken.None, ("ids", group.Select(m => m.Id).ToArray()));
                group.ForEach(m => m.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                // Each waiting dispatcher sees the failure as its own mark's (as before), and retries or logs as it does.
                group.ForEach(m => m.Done.TrySetException(ex));
            }
        }
    }
}
