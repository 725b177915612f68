using ActorProc.Core.Actors;
using ActorProc.Core.Configuration;
using ActorProc.Remote.FailureDetection;

namespace ActorProc.Remote;

/// <summary>
/// The settings of remoting, read once from <c>actorproc.remote</c> (every key is documented in reference.conf).
/// Each value is validated on its own with an error that names the full key.
/// </summary>
public sealed class RemoteSettings
{
    private const string Root = "actorproc.remote";

    /// <summary>Reads and validates <c>actorproc.remote</c> of <paramref name="config"/> (the system's merged config).</summary>
    /// <exception cref="ConfigurationException">A key is missing, malformed or out of range; the message names it.</exception>
    public RemoteSettings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        Hostname = config.GetString($"{Root}.hostname");
        if (string.IsNullOrWhiteSpace(Hostname)) throw Invalid("hostname", "must not be empty");
        Port = config.GetInt($"{Root}.port");
        if (Port is < 0 or > 65535) throw Invalid("port", $"{Port} is not a TCP port (0..65535; 0 = any free port)");
        Secret = config.GetString($"{Root}.secret");
        HandshakeTimeout = Positive(config, "handshake-timeout");
        ConnectTimeout = Positive(config, "connect-timeout");
        MaximumFrameSize = Range(config.GetByteSize($"{Root}.maximum-frame-size"), 1024, 1L << 30, "maximum-frame-size");
        SendQueueSize = (int)Range(config.GetInt($"{Root}.send-queue-size"), 1, int.MaxValue, "send-queue-size");
        WriteBatchSize = (int)Range(config.GetByteSize($"{Root}.write-batch-size"), 512, 64L << 20, "write-batch-size");
        ReconnectMinBackoff = Positive(config, "reconnect.min-backoff");
        ReconnectMaxBackoff = Positive(config, "reconnect.max-backoff");
        if (ReconnectMaxBackoff < ReconnectMinBackoff) throw Invalid("reconnect.max-backoff", "must be >= reconnect.min-backoff");
        HeartbeatInterval = Positive(config, "heartbeat-interval");
        SystemMessageBufferSize = (int)Range(config.GetInt($"{Root}.system-message-buffer-size"), 1, int.MaxValue, "system-message-buffer-size");
        SystemMessageResendInterval = Positive(config, "system-message-resend-interval");
        FailureDetector = new FailureDetectorSettings(
            Threshold: config.GetDouble($"{Root}.failure-detector.threshold"),
            MaxSampleSize: config.GetInt($"{Root}.failure-detector.max-sample-size"),
            MinStdDeviation: Positive(config, "failure-detector.min-std-deviation"),
            AcceptableHeartbeatPause: config.GetTimeSpan($"{Root}.failure-detector.acceptable-heartbeat-pause"),
            FirstHeartbeatEstimate: Positive(config, "failure-detector.first-heartbeat-estimate"));
        if (FailureDetector.Threshold <= 0) throw Invalid("failure-detector.threshold", "must be > 0");
        if (FailureDetector.MaxSampleSize < 1) throw Invalid("failure-detector.max-sample-size", "must be >= 1");
        if (FailureDetector.AcceptableHeartbeatPause < TimeSpan.Zero) throw Invalid("failure-detector.acceptable-heartbeat-pause", "must be >= 0");
        SerializationBindings = ReadStringMap(config, "serialization.bindings");
        DeployableActorTypes = ReadStringMap(config, "deployment.allowed-actor-types");
        Tls = TlsSettings.FromConfig(config, $"{Root}.tls");
    }

    /// <summary>The interface to listen on and the host other nodes use to reach this one (<c>hostname</c>).</summary>
    public string Hostname { get; }

    /// <summary>The TCP port to listen on; 0 = any free port, read back from <see cref="Remoting.Address"/> (<c>port</c>).</summary>
    public int Port { get; }

    /// <summary>The shared secret every node of the cluster proves knowledge of in the handshake (<c>secret</c>); never sent.</summary>
    public string Secret { get; }

    /// <summary>Longest time a peer may take to complete the handshake before it is disconnected (<c>handshake-timeout</c>).</summary>
    public TimeSpan HandshakeTimeout { get; }

    /// <summary>Longest time to establish an outbound TCP connection (<c>connect-timeout</c>).</summary>
    public TimeSpan ConnectTimeout { get; }

    /// <summary>Largest frame accepted or sent, in bytes (<c>maximum-frame-size</c>); bigger messages go to dead letters.</summary>
    public long MaximumFrameSize { get; }

    /// <summary>Messages queued per remote node while they wait to be written (<c>send-queue-size</c>); overflow goes to dead letters.</summary>
    public int SendQueueSize { get; }

    /// <summary>Bytes gathered from the send queue before one socket write (<c>write-batch-size</c>).</summary>
    public int WriteBatchSize { get; }

    /// <summary>First delay before reconnecting to a node (<c>reconnect.min-backoff</c>); doubled per failure.</summary>
    public TimeSpan ReconnectMinBackoff { get; }

    /// <summary>Longest delay between reconnect attempts (<c>reconnect.max-backoff</c>).</summary>
    public TimeSpan ReconnectMaxBackoff { get; }

    /// <summary>How often watched nodes are sent a heartbeat (<c>heartbeat-interval</c>).</summary>
    public TimeSpan HeartbeatInterval { get; }

    /// <summary>System messages (watch, death notifications, supervision) kept per node until acknowledged (<c>system-message-buffer-size</c>); overflow makes the node unreachable.</summary>
    public int SystemMessageBufferSize { get; }

    /// <summary>How long acknowledgements may stall before unacknowledged system messages are sent again (<c>system-message-resend-interval</c>).</summary>
    public TimeSpan SystemMessageResendInterval { get; }

    /// <summary>The phi-accrual failure detector's parameters (<c>failure-detector</c>).</summary>
    public FailureDetectorSettings FailureDetector { get; }

    /// <summary>Message types bound to a wire manifest in config: manifest → assembly-qualified type name (<c>serialization.bindings</c>).</summary>
    public IReadOnlyDictionary<string, string> SerializationBindings { get; }

    /// <summary>Actor types other nodes may deploy here: manifest → assembly-qualified type name (<c>deployment.allowed-actor-types</c>).</summary>
    public IReadOnlyDictionary<string, string> DeployableActorTypes { get; }

    /// <summary>Optional TLS on every connection (<c>tls</c>).</summary>
    public TlsSettings Tls { get; }

    /// <summary>The failure detector's parameters; see reference.conf for their meaning.</summary>
    /// <param name="Threshold">Phi above which a node counts as unreachable.</param>
    /// <param name="MaxSampleSize">Heartbeat intervals kept for the mean and deviation.</param>
    /// <param name="MinStdDeviation">Lower bound of the deviation, so a very regular history is not over-sensitive.</param>
    /// <param name="AcceptableHeartbeatPause">Extra silence tolerated (GC pauses, network hiccups).</param>
    /// <param name="FirstHeartbeatEstimate">Assumed interval before any was measured.</param>
    public sealed record FailureDetectorSettings(double Threshold, int MaxSampleSize, TimeSpan MinStdDeviation, TimeSpan AcceptableHeartbeatPause, TimeSpan FirstHeartbeatEstimate)
    {
        internal PhiAccrualFailureDetector Create() => new(Threshold, MaxSampleSize, MinStdDeviation, AcceptableHeartbeatPause, FirstHeartbeatEstimate);
    }

    private static TimeSpan Positive(Config config, string key)
    {
        var value = config.GetTimeSpan($"{Root}.{key}");
        return value > TimeSpan.Zero ? value : throw Invalid(key, $"{value} must be positive");
    }

    private static long Range(long value, long min, long max, string key) =>
        value >= min && value <= max ? value : throw Invalid(key, $"{value} is out of range [{min}, {max}]");

    private static Dictionary<string, string> ReadStringMap(Config config, string key)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var block = config.GetConfig($"{Root}.{key}");
        foreach (var manifest in block.Keys)
            map[manifest] = block.GetString("\"" + manifest.Replace("\"", "\\\"") + "\"");
        return map;
    }

    private static ConfigurationException Invalid(string key, string reason) => new($"{Root}.{key}: {reason}");
}
