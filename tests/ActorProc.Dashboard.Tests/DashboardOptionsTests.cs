namespace ActorProc.Dashboard.Tests;

public sealed class DashboardOptionsTests
{
    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("10.1.2.3")]
    public void A_non_loopback_host_without_a_token_is_refused(string host)
    {
        var e = Assert.Throws<ArgumentException>(() => new DashboardOptions { Host = host, Port = 0 }.Validate());
        Assert.Contains(host, e.Message);
        Assert.Contains("token", e.Message);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("localhost")]
    public void A_loopback_host_needs_no_token(string host) => new DashboardOptions { Host = host, Port = 0 }.Validate();

    [Fact]
    public void A_non_loopback_host_with_a_token_is_accepted() => new DashboardOptions { Host = "0.0.0.0", Port = 0, Token = "t" }.Validate();

    [Fact]
    public void A_port_out_of_range_is_named() =>
        Assert.Contains("70000", Assert.Throws<ArgumentException>(() => new DashboardOptions { Port = 70000 }.Validate()).Message);

    [Fact]
    public void The_token_is_masked_when_the_options_are_printed() =>
        Assert.DoesNotContain("s3cret", new DashboardOptions { Host = "0.0.0.0", Port = 1, Token = "s3cret" }.ToString());
}
