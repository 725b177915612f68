using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class HoconSubstitutionSpec
{
    [Fact]
    public void Substitutions_resolve_against_the_whole_document_including_later_keys()
    {
        var config = Config.Parse("""
            a = ${b.c}
            b { c = 42 }
            d = ${b}
            """);

        Assert.Equal(42, config.GetInt("a"));
        Assert.Equal(42, config.GetInt("d.c"));
    }

    [Fact]
    public void Substitutions_inside_string_concatenation_are_joined_as_text()
    {
        var config = Config.Parse("""
            host = localhost
            port = 8080
            url = "http://"${host}":"${port}/api
            spaced = ${host} and ${port}
            """);

        Assert.Equal("http://localhost:8080/api", config.GetString("url"));
        Assert.Equal("localhost and 8080", config.GetString("spaced"));
    }

    [Fact]
    public void A_field_may_extend_its_own_earlier_value()
    {
        var config = Config.Parse("""
            path = [/bin]
            path = ${path} [/usr/bin]
            a = start
            a = ${a}"-suffix"
            a = ${a} "and more"
            """);

        Assert.Equal(["/bin", "/usr/bin"], config.GetStringList("path"));
        Assert.Equal("start-suffix and more", config.GetString("a"));
    }

    [Fact]
    public void Plus_equals_appends_to_an_array_or_starts_one()
    {
        var config = Config.Parse("""
            a = [1]
            a += 2
            a += 3
            fresh += x
            nested { list = [a] }
            nested.list += b
            """);

        Assert.Equal(["1", "2", "3"], config.GetStringList("a"));
        Assert.Equal(["x"], config.GetStringList("fresh"));
        Assert.Equal(["a", "b"], config.GetStringList("nested.list"));
    }

    [Fact]
    public void An_undefined_optional_substitution_keeps_the_earlier_value_or_removes_the_field()
    {
        var config = Config.Parse("""
            a = 1
            a = ${?ACTORPROC_TEST_SURELY_UNDEFINED_VARIABLE}
            b = ${?ACTORPROC_TEST_SURELY_UNDEFINED_VARIABLE}
            c = prefix ${?ACTORPROC_TEST_SURELY_UNDEFINED_VARIABLE}
            list = [1, ${?ACTORPROC_TEST_SURELY_UNDEFINED_VARIABLE}, 2]
            """);

        Assert.Equal(1, config.GetInt("a"));
        Assert.False(config.HasPath("b"));
        Assert.Equal("prefix", config.GetString("c"));
        Assert.Equal(["1", "2"], config.GetStringList("list"));
    }

    [Fact]
    public void Substitutions_fall_back_to_environment_variables()
    {
        var name = "ACTORPROC_TEST_SUBST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            var config = Config.Parse($"required = ${{{name}}}\noptional = ${{?{name}}}\na = 1\na = ${{?{name}}}");

            Assert.Equal("from-env", config.GetString("required"));
            Assert.Equal("from-env", config.GetString("optional"));
            Assert.Equal("from-env", config.GetString("a"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void Configuration_values_take_precedence_over_environment_variables()
    {
        var name = "ACTORPROC_TEST_SHADOW_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable(name, "from-env");
        try
        {
            Assert.Equal("from-config", Config.Parse($"{name} = from-config\nv = ${{{name}}}").GetString("v"));
        }
        finally
        {
            Environment.SetEnvironmentVariable(name, null);
        }
    }

    [Fact]
    public void An_object_merges_over_a_substituted_object()
    {
        var config = Config.Parse("""
            defaults { throughput = 5, type = default }
            pinned = ${defaults} { type = pinned }
            custom = ${defaults}
            custom { throughput = 10 }
            """);

        Assert.Equal((5, "pinned"), (config.GetInt("pinned.throughput"), config.GetString("pinned.type")));
        Assert.Equal((10, "default"), (config.GetInt("custom.throughput"), config.GetString("custom.type")));
    }

    [Fact]
    public void Substitution_into_a_sibling_of_the_same_object_works()
    {
        var config = Config.Parse("bar { foo = 42, baz = ${bar.foo} }\nbar { foo = 43 }");

        Assert.Equal(43, config.GetInt("bar.baz"));
    }

    [Fact]
    public void Chained_substitutions_resolve_through_each_other()
    {
        var config = Config.Parse("a = ${b}\nb = ${c}\nc = ${d.e}\nd = ${f}\nf { e = end }");

        Assert.Equal("end", config.GetString("a"));
    }

    [Fact]
    public void Substitutions_inside_objects_nested_in_arrays_are_resolved()
    {
        var config = Config.Parse("host = h\nnodes = [[{ address = ${host} }], [{ address = other }]]\nflat = [{ a = ${host} }]");

        Assert.Equal("h", config.GetConfigList("flat")[0].GetString("a"));
        Assert.Contains("\"address\": \"h\"", config.ToString());
    }

    [Fact]
    public void A_substitution_keeps_the_type_of_the_value_it_refers_to()
    {
        var config = Config.Parse("n = 5\nb = true\nl = [1, 2]\ncn = ${n}\ncb = ${b}\ncl = ${l}\nnull-value = null\ncnull = ${null-value}");

        Assert.Equal(5, config.GetInt("cn"));
        Assert.True(config.GetBoolean("cb"));
        Assert.Equal(["1", "2"], config.GetStringList("cl"));
        Assert.False(config.HasPath("cnull"));
    }

    [Fact]
    public void Overrides_in_a_higher_layer_reach_every_value_that_refers_to_them()
    {
        var reference = Config.Parse("base = 5\nderived = ${base}\nlist = [a]");
        var user = Config.Parse("base = 7\nlist += b");

        var merged = user.WithFallback(reference);

        Assert.Equal(7, merged.GetInt("derived"));
        Assert.Equal(["a", "b"], merged.GetStringList("list"));
    }

    [Fact]
    public void A_missing_required_substitution_is_an_error_naming_it()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("a = 1\nb = ${no.such.path}", "app.conf"));

        Assert.Equal("app.conf:2:5: unresolved substitution ${no.such.path}: no value at no.such.path and no environment variable named no.such.path", ex.Message);
        Assert.Equal(("app.conf", 2, 5, "no.such.path"), (ex.File, ex.Line, ex.Column, ex.Path));
    }

    [Fact]
    public void A_self_reference_without_an_earlier_value_is_an_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("a = ${a} x", "app.conf"));

        Assert.Equal("app.conf:1:5: unresolved substitution ${a}: a refers to itself and has no earlier value", ex.Message);
    }

    [Theory]
    [InlineData("a = ${b}\nb = ${a}", "app.conf:2:5: substitution cycle: a -> b -> a")]
    [InlineData("a = ${b}\nb = ${c}\nc = ${a}", "app.conf:3:5: substitution cycle: a -> b -> c -> a")]
    [InlineData("a { b = ${a} }", "app.conf:1:9: substitution cycle: a -> a.b -> a")]
    [InlineData("x = ${y.z}\ny = { z = ${x} }", "app.conf:2:11: substitution cycle: x -> y.z -> x")]
    public void Substitution_cycles_are_reported_with_the_chain_and_position(string hocon, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse(hocon, "app.conf"));

        Assert.Equal(expected, ex.Message);
    }

    [Fact]
    public void Concatenating_an_array_with_a_string_is_an_error()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("l = [1]\ns = ${l} text", "app.conf"));

        Assert.StartsWith("app.conf:2:5: cannot concatenate an array with string 'text'", ex.Message);
    }

    [Fact]
    public async Task Long_substitution_chains_resolve_and_absurd_ones_fail_cleanly()
    {
        static string Chain(int length) =>
            string.Join('\n', Enumerable.Range(0, length).Select(i => $"k{i} = ${{k{i + 1}}}")) + $"\nk{length} = end";

        // On a pool thread, whose stack is smaller than the main thread's.
        var config = await Task.Run(() => Config.Parse(Chain(300)));
        var ex = await Task.Run(() => Assert.Throws<ConfigurationException>(() => Config.Parse(Chain(5000), "f.conf")));

        Assert.Equal("end", config.GetString("k0"));
        Assert.Contains("expected substitutions and nesting at most 500 levels deep", ex.Message);
    }

    [Fact]
    public void A_reference_into_the_value_being_defined_is_explained()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("a { b = 1 }\nc = ${a} { d = ${c.b} }", "f.conf"));

        Assert.Equal("f.conf:2:16: unresolved substitution ${c.b}: c.b lies inside c, which this value is defining and which has no earlier value", ex.Message);
    }
}
