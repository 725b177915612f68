using System.Threading.Channels;
using ActorProc.Core.Actors;
using ActorProc.Core.Events;

namespace ActorProc.Remote.Tests.Support;

/// <summary>Collects the log events of a system so a test can await a specific line.</summary>
public sealed class LogWatch
{
    private readonly Channel<LogEvent> _events = Channel.CreateUnbounded<LogEvent>();

    public LogWatch(ActorSystem system) => system.EventStream.Subscribe<LogEvent>(e => _events.Writer.TryWrite(e));

    public async Task<LogEvent> ExpectAsync(Func<string, bool> matches, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            var e = await _events.Reader.ReadAsync(cts.Token);
            if (matches(e.Message)) return e;
        }
    }
}
