using ActorProc.Core.Configuration;

namespace ActorProc.Remote.Tests;

/// <summary>reference.conf and RemoteSettings agree: every key read is documented, and the defaults are the documented ones.</summary>
public sealed class RemoteSettingsTests
{
    [Fact]
    public void Every_key_the_settings_read_exists_in_reference_conf()
    {
        ICollection<string> paths;
        using (ConfigReadRecorder.Start(out paths))
        {
            _ = new RemoteSettings(ConfigurationFactory.Reference);
        }
        Assert.NotEmpty(paths);
        foreach (var path in paths) Assert.True(ConfigurationFactory.Reference.HasPath(path), $"{path} is read but not in reference.conf");
    }

    [Fact]
    public void The_defaults_are_the_documented_ones()
    {
        var settings = new RemoteSettings(ConfigurationFactory.Reference);
        Assert.Equal("127.0.0.1", settings.Hostname);
        Assert.Equal(0, settings.Port);
        Assert.Equal("", settings.Secret);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.HandshakeTimeout);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ConnectTimeout);
        Assert.Equal(1024 * 1024, settings.MaximumFrameSize);
        Assert.Equal(100_000, settings.SendQueueSize);
        Assert.Equal(64 * 1024, settings.WriteBatchSize);
        Assert.Equal(TimeSpan.FromMilliseconds(100), settings.ReconnectMinBackoff);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ReconnectMaxBackoff);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.HeartbeatInterval);
        Assert.Equal(new RemoteSettings.FailureDetectorSettings(10.0, 200, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1)), settings.FailureDetector);
        Assert.Empty(settings.SerializationBindings);
        Assert.Empty(settings.DeployableActorTypes);
        Assert.False(settings.Tls.Enabled);
        Assert.Equal("chain", settings.Tls.Validation);
    }

    [Theory]
    [InlineData("actorproc.remote.port = 70000", "actorproc.remote.port")]
    [InlineData("actorproc.remote.maximum-frame-size = 10B", "actorproc.remote.maximum-frame-size")]
    [InlineData("actorproc.remote.reconnect.max-backoff = 1ms", "actorproc.remote.reconnect.max-backoff")]
    [InlineData("actorproc.remote.tls.validation = maybe", "actorproc.remote.tls.validation")]
    [InlineData("actorproc.remote.tls { enabled = on, certificate-path = \"\" }", "actorproc.remote.tls.certificate-path")]
    public void Invalid_values_fail_fast_naming_the_key(string hocon, string key)
    {
        var e = Assert.Throws<ConfigurationException>(() => new RemoteSettings(ConfigurationFactory.Load(Config.Parse(hocon))));
        Assert.Contains(key, e.Message);
    }

    [Fact]
    public async Task Remoting_refuses_to_start_without_a_secret()
    {
        await using var system = new Disposer(Core.Actors.ActorSystem.Create("nosecret"));
        var e = Assert.Throws<ConfigurationException>(() => system.System.UseRemoting());
        Assert.Contains("actorproc.remote.secret", e.Message);
    }

    [Fact]
    public async Task A_taken_port_fails_start_with_a_socket_error_and_remoting_can_be_started_only_once()
    {
        await using var first = new Disposer(Core.Actors.ActorSystem.Create("first", Config.Parse(Support.Nodes.Hocon())));
        var remoting = first.System.UseRemoting();
        Assert.Same(remoting, Remoting.Get(first.System));
        Assert.Throws<InvalidOperationException>(() => first.System.UseRemoting());
        await using var second = new Disposer(Core.Actors.ActorSystem.Create("second", Config.Parse(Support.Nodes.Hocon(port: remoting.Address.Port!.Value))));
        Assert.Throws<System.Net.Sockets.SocketException>(() => second.System.UseRemoting());
        Assert.Throws<InvalidOperationException>(() => Remoting.Get(second.System));
    }

    [Fact]
    public async Task Message_types_bound_in_hocon_are_registered()
    {
        var type = typeof(Support.Numbered).AssemblyQualifiedName!;
        await using var system = new Disposer(Core.Actors.ActorSystem.Create("bound", Config.Parse(Support.Nodes.Hocon(extra: $"actorproc.remote.serialization.bindings {{ \"cfg.numbered\" = \"{type}\" }}"))));
        var remoting = system.System.UseRemoting();
        Assert.Equal("cfg.numbered", remoting.Provider.Serialization.FindBinding(typeof(Support.Numbered))!.Manifest);
    }

    private sealed class Disposer(Core.Actors.ActorSystem system) : IAsyncDisposable
    {
        public Core.Actors.ActorSystem System { get; } = system;
        public async ValueTask DisposeAsync() => await System.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
    }
}
