using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class ConfigurationFactorySpec
{
    [Fact]
    public void Reference_is_parsed_once_and_cached()
    {
        Assert.Same(ConfigurationFactory.Reference, ConfigurationFactory.Reference);
    }

    [Fact]
    public void Reference_is_the_embedded_reference_conf()
    {
        using var stream = typeof(Config).Assembly.GetManifestResourceStream("ActorProc.Core.reference.conf");
        Assert.NotNull(stream);
        using var reader = new StreamReader(stream);

        var parsed = Config.Parse(reader.ReadToEnd(), "reference.conf");

        Assert.Equal(parsed.ToString(), ConfigurationFactory.Reference.ToString());
        Assert.Equal("", ConfigurationFactory.Reference.RootPath);
    }

    [Fact]
    public void Load_with_no_user_config_and_no_variables_is_the_reference()
    {
        var loaded = ConfigurationFactory.Load(null, new Dictionary<string, string?>());

        Assert.Equal(ConfigurationFactory.Reference.ToString(), loaded.ToString());
    }
}
