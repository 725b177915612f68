namespace ActorProc.Remote;

/// <summary>Counters of the outbound traffic of a node since remoting started.</summary>
/// <param name="BytesWritten">Bytes written to all outbound connections (frames including their headers).</param>
/// <param name="Writes">Socket writes made; each carries a batch of frames, so BytesWritten / Writes is the mean batch size.</param>
public readonly record struct TransportStatistics(long BytesWritten, long Writes);
