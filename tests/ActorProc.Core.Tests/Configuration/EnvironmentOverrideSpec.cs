using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class EnvironmentOverrideSpec
{
    [Theory]
    [InlineData("ACTORPROC__ACTOR__DEFAULT_DISPATCHER__THROUGHPUT", "actorproc.actor.default-dispatcher.throughput")]
    [InlineData("ACTORPROC__X", "actorproc.x")]
    [InlineData("actorproc__lower__case_name", "actorproc.lower.case-name")]
    [InlineData("ACTORPROC__CLUSTER__SEED_NODES", "actorproc.cluster.seed-nodes")]
    public void Variable_names_map_to_kebab_case_paths(string variable, string path)
    {
        var config = ConfigurationFactory.FromEnvironment(new Dictionary<string, string?> { [variable] = "1" });

        Assert.Equal([path], config.AllLeafPaths());
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("ACTORPROC_SINGLE")]
    [InlineData("ACTORPROC__")]
    [InlineData("ACTORPROC__A____B")]
    [InlineData("ACTORPROC__TRAILING__")]
    public void Variables_that_do_not_map_to_a_key_are_ignored(string variable)
    {
        var config = ConfigurationFactory.FromEnvironment(new Dictionary<string, string?> { [variable] = "1" });

        Assert.True(config.IsEmpty);
    }

    [Fact]
    public void Values_are_parsed_as_hocon_values()
    {
        var config = ConfigurationFactory.FromEnvironment(new Dictionary<string, string?>
        {
            ["ACTORPROC__NUMBER"] = "50",
            ["ACTORPROC__FLAG"] = "false",
            ["ACTORPROC__TIMEOUT"] = "250ms",
            ["ACTORPROC__QUOTED"] = "\"with \\\"quotes\\\"\"",
            ["ACTORPROC__LIST"] = "[a, b]",
            ["ACTORPROC__TEXT"] = "hello world",
            ["ACTORPROC__NOT_HOCON"] = "a=b{",
            ["ACTORPROC__SUBSTITUTION"] = "${actorproc.number}",
            ["ACTORPROC__EMPTY"] = "",
            ["ACTORPROC__NULL"] = null,
        });

        Assert.Equal(50, config.GetInt("actorproc.number"));
        Assert.False(config.GetBoolean("actorproc.flag"));
        Assert.Equal(TimeSpan.FromMilliseconds(250), config.GetTimeSpan("actorproc.timeout"));
        Assert.Equal("with \"quotes\"", config.GetString("actorproc.quoted"));
        Assert.Equal(["a", "b"], config.GetStringList("actorproc.list"));
        Assert.Equal("hello world", config.GetString("actorproc.text"));
        Assert.Equal("a=b{", config.GetString("actorproc.not-hocon"));
        Assert.Equal("${actorproc.number}", config.GetString("actorproc.substitution"));
        Assert.Equal("", config.GetString("actorproc.empty"));
        Assert.False(config.HasPath("actorproc.null"));
    }

    [Fact]
    public void A_wrong_typed_override_names_the_variable_in_the_error()
    {
        var config = ConfigurationFactory.FromEnvironment(new Dictionary<string, string?> { ["ACTORPROC__COUNT"] = "many" });

        var ex = Assert.Throws<ConfigurationException>(() => config.GetInt("actorproc.count"));

        Assert.Equal("environment variable ACTORPROC__COUNT:1:1: expected a number at actorproc.count (set at environment variable ACTORPROC__COUNT:1:1) but found string 'many'", ex.Message);
    }

    [Fact]
    public void Load_layers_environment_over_user_over_reference()
    {
        var user = Config.Parse("actorproc.test-only { from-user = user, both = user }");
        var environment = new Dictionary<string, string?>
        {
            ["ACTORPROC__TEST_ONLY__BOTH"] = "env",
            ["ACTORPROC__TEST_ONLY__FROM_ENV"] = "7",
        };

        var config = ConfigurationFactory.Load(user, environment);

        Assert.Equal("user", config.GetString("actorproc.test-only.from-user"));
        Assert.Equal("env", config.GetString("actorproc.test-only.both"));
        Assert.Equal(7, config.GetInt("actorproc.test-only.from-env"));
        Assert.All(
            ConfigurationFactory.Reference.AllLeafPaths(),
            path => Assert.Equal(ConfigurationFactory.Reference.HasPath(path), config.HasPath(path)));
    }

    [Fact]
    public void Load_resolves_substitutions_after_layering_so_overrides_propagate()
    {
        var user = Config.Parse("actorproc.test-only { base = 1, derived = ${actorproc.test-only.base}, home = ${?TEST_HOME} }");
        var environment = new Dictionary<string, string?>
        {
            ["ACTORPROC__TEST_ONLY__BASE"] = "2",
            ["TEST_HOME"] = "/home/test",
        };

        var config = ConfigurationFactory.Load(user, environment);

        Assert.Equal(2, config.GetInt("actorproc.test-only.derived"));
        Assert.Equal("/home/test", config.GetString("actorproc.test-only.home"));
    }

    [Fact]
    public void Load_without_arguments_reads_the_process_environment()
    {
        var name = "ACTORPROC__TEST_ONLY__K" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "42");
        try
        {
            var key = name["ACTORPROC__TEST_ONLY__".Length..].ToLowerInvariant();
            Assert.Equal(42, ConfigurationFactory.Load().GetInt($"actorproc.test-only.{key}"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }
}
