namespace ActorProc.Cluster.Tests.Nodes;

/// <summary>
/// One node per address. Regression: Akka.Remote binds with SO_REUSEPORT on Linux, so a second node on
/// a taken port used to start, and two clusters answered on one address.
/// </summary>
public sealed class NodePortSpec
{
    [Fact]
    public async Task A_second_node_on_a_port_in_use_fails_to_start_naming_the_port()
    {
        await using var first = await TestNodes.StartAsync(TestNodes.TempJournal());
        var port = first.Address.Port!.Value;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => ClusterNode.StartAsync(
            new NodeSettings { Host = "127.0.0.1", Port = port, Journal = "sqlite:" + TestNodes.TempJournal(), Config = TestNodes.FastConfig },
            TestTasks.Registry()));

        Assert.Contains($"Port {port} on 127.0.0.1 is already in use", error.Message);
    }

    [Fact]
    public async Task A_node_restarts_on_the_port_its_predecessor_just_released()
    {
        var journal = TestNodes.TempJournal();
        var first = await TestNodes.StartAsync(journal);
        var port = first.Address.Port!.Value;
        await first.DisposeAsync();

        await using var second = await ClusterNode.StartAsync(
            new NodeSettings { Host = "127.0.0.1", Port = port, Journal = "sqlite:" + journal, Config = TestNodes.FastConfig }, TestTasks.Registry());

        Assert.Equal(port, second.Address.Port);
    }
}
