using System.Threading.Channels;

namespace ActorProc.Bench.Scenarios;

/// <summary>The channel baselines' echo: sends every message it reads back on the reply channel.</summary>
internal static class ChannelEcho
{
    /// <summary>Echoes until <paramref name="input"/> completes; returns how many messages it echoed.</summary>
    public static async Task<long> Run(ChannelReader<Ping> input, ChannelWriter<Ping> output)
    {
        long echoed = 0;
        while (await input.WaitToReadAsync().ConfigureAwait(false))
        {
            while (input.TryRead(out var message))
            {
                output.TryWrite(message);
                echoed++;
            }
        }

        return echoed;
    }
}
