using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class HoconParserSpec
{
    [Theory]
    [InlineData("a = 1", "a", "1")]
    [InlineData("a : 1", "a", "1")]
    [InlineData("{ a = 1 }", "a", "1")]
    [InlineData("a { b = 2 }", "a.b", "2")]
    [InlineData("a.b.c = deep", "a.b.c", "deep")]
    [InlineData("\"a.b\" = quoted", "\"a.b\"", "quoted")]
    [InlineData("a.\"b.c\".d = mixed", "a.\"b.c\".d", "mixed")]
    [InlineData("a = foo bar", "a", "foo bar")]
    [InlineData("a = foo   bar  ", "a", "foo   bar")]
    [InlineData("a = \"x\" y \"z\"", "a", "x y z")]
    [InlineData("a = 5 seconds", "a", "5 seconds")]
    [InlineData("a = -12", "a", "-12")]
    [InlineData("a = 1.5e3", "a", "1.5e3")]
    [InlineData("a = true", "a", "true")]
    [InlineData("a = /usr/bin", "a", "/usr/bin")]
    [InlineData("a = 1 # comment", "a", "1")]
    [InlineData("a = 1 // comment", "a", "1")]
    [InlineData("a = \"tab\\there\"", "a", "tab\there")]
    [InlineData("a = \"\\u0041\\u00e9\"", "a", "Aé")]
    [InlineData("a = \"\\\"q\\\" \\\\ \\/\"", "a", "\"q\" \\ /")]
    [InlineData("include = 5", "include", "5")]
    [InlineData("10.5 = x", "10.5", "x")]
    [InlineData("a b = spaced key", "\"a b\"", "spaced key")]
    public void Values_and_keys_parse_as_written(string hocon, string path, string expected)
    {
        Assert.Equal(expected, Config.Parse(hocon).GetString(path));
    }

    [Fact]
    public void Dotted_keys_create_nested_objects()
    {
        var config = Config.Parse("a.b.c = 1\na.b.d = 2\na.e = 3");

        Assert.Equal(["b", "e"], config.GetConfig("a").Keys);
        Assert.Equal(["c", "d"], config.GetConfig("a.b").Keys);
        Assert.Equal(2, config.GetInt("a.b.d"));
    }

    [Fact]
    public void Quoted_keys_keep_dots_and_slashes_as_one_key()
    {
        var config = Config.Parse("""
            deployment {
              "/workers" { router = round-robin-pool, nr-of-instances = 4 }
              "/a/b.c" { router = broadcast-pool }
            }
            """);

        var deployment = config.GetConfig("deployment");
        Assert.Equal(["/workers", "/a/b.c"], deployment.Keys);
        Assert.Equal("broadcast-pool", deployment.GetConfigByKey("/a/b.c").GetString("router"));
        Assert.Equal(4, deployment.GetConfigByKey("/workers").GetInt("nr-of-instances"));
        Assert.Equal("deployment.\"/a/b.c\"", deployment.GetConfigByKey("/a/b.c").RootPath);
    }

    [Fact]
    public void Root_braces_are_optional_and_json_is_accepted()
    {
        var json = Config.Parse("""{ "a": { "b": [1, 2, 3], "c": "x" }, "d": null }""");
        var hocon = Config.Parse("a { b = [1, 2, 3], c = x }");

        Assert.Equal(["1", "2", "3"], json.GetStringList("a.b"));
        Assert.Equal(hocon.GetStringList("a.b"), json.GetStringList("a.b"));
        Assert.False(json.HasPath("d"));
    }

    [Theory]
    [InlineData("a = 1, b = 2,")]
    [InlineData("a = 1\nb = 2\n")]
    [InlineData("{ a = 1, b = 2, }")]
    [InlineData("a = 1,\n\nb = 2")]
    [InlineData("\n\n  a = 1 # one\n  // two\n  b = 2\n")]
    public void Fields_are_separated_by_commas_or_newlines_and_trailing_commas_are_allowed(string hocon)
    {
        var config = Config.Parse(hocon);

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal(2, config.GetInt("b"));
    }

    [Theory]
    [InlineData("a = [1, 2, 3]")]
    [InlineData("a = [1, 2, 3,]")]
    [InlineData("a = [\n  1\n  2,\n  3\n]")]
    [InlineData("a = [1] [2, 3]")]
    [InlineData("a = [1, 2]\na += 3")]
    public void Arrays_accept_commas_newlines_concatenation_and_append(string hocon)
    {
        Assert.Equal(["1", "2", "3"], Config.Parse(hocon).GetStringList("a"));
    }

    [Fact]
    public void Duplicate_keys_merge_objects_and_replace_other_values()
    {
        var config = Config.Parse("""
            a { x = 1, y = 1 }
            a { y = 2, z = 2 }
            b = 1
            b = 2
            c = [1]
            c = [2]
            d { x = 1 }
            d = 5
            e = 5
            e { x = 1 }
            """);

        Assert.Equal((1, 2, 2), (config.GetInt("a.x"), config.GetInt("a.y"), config.GetInt("a.z")));
        Assert.Equal(2, config.GetInt("b"));
        Assert.Equal(["2"], config.GetStringList("c"));
        Assert.Equal(5, config.GetInt("d"));
        Assert.Equal(1, config.GetInt("e.x"));
    }

    [Fact]
    public void Null_between_two_objects_stops_them_from_merging()
    {
        var config = Config.Parse("a { x = 1 }\na = null\na { y = 2 }");

        Assert.Equal(["y"], config.GetConfig("a").Keys);
    }

    [Fact]
    public void GetConfigByKey_of_a_missing_key_is_an_empty_config_with_a_quoted_root()
    {
        var config = Config.Parse("d { }").GetConfig("d").GetConfigByKey("/x.y");

        Assert.True(config.IsEmpty);
        Assert.Equal("d.\"/x.y\"", config.RootPath);
    }

    [Fact]
    public void Object_concatenation_merges_objects_on_one_line()
    {
        var config = Config.Parse("a = { x = 1, y = 1 } { y = 2 }");

        Assert.Equal(1, config.GetInt("a.x"));
        Assert.Equal(2, config.GetInt("a.y"));
    }

    [Fact]
    public void Triple_quoted_strings_span_lines_without_escapes()
    {
        var config = Config.Parse("a = \"\"\"line one\n  \"quoted\" \\n\nline three\"\"\"\nb = \"\"\"x\"\"\"\"\"");

        Assert.Equal("line one\n  \"quoted\" \\n\nline three", config.GetString("a"));
        Assert.Equal("x\"\"", config.GetString("b"));
    }

    [Fact]
    public void Keys_keep_the_order_of_first_definition()
    {
        var config = Config.Parse("z = 1\na = 2\nm = 3\nz = 4");

        Assert.Equal(["z", "a", "m"], config.Keys);
    }

    [Fact]
    public void Nested_arrays_and_objects_in_arrays_parse()
    {
        var config = Config.Parse("a = [[1, 2], [3]]\nb = [{ name = x }, { name = y }]");

        var items = config.GetConfigList("b");
        Assert.Equal(["x", "y"], items.Select(c => c.GetString("name")));
        Assert.Equal("b[1]", items[1].RootPath);
    }

    [Fact]
    public void ToString_renders_json_that_parses_back_to_the_same_tree()
    {
        var config = Config.Parse("""
            a { b = [1, "two", true, null], c = "q\"uote\n" }
            "x.y" = 1.5
            empty {}
            """);

        var rendered = config.ToString();
        var reparsed = Config.Parse(rendered);

        Assert.Equal(rendered, reparsed.ToString());
        Assert.Equal("q\"uote\n", reparsed.GetString("a.c"));
        Assert.Equal(1.5, reparsed.GetDouble("\"x.y\""));
    }

    [Fact]
    public void AllLeafPaths_lists_every_value_with_quoted_keys_where_needed()
    {
        var config = Config.Parse("a { b = 1, c { d = [1] } }\n\"/w\" { r = x }\nempty {}");

        Assert.Equal(["a.b", "a.c.d", "\"/w\".r"], config.AllLeafPaths());
        Assert.Equal(["a.c.d"], config.GetConfig("a.c").AllLeafPaths());
        Assert.All(config.AllLeafPaths(), path => Assert.True(config.HasPath(path)));
    }

    [Fact]
    public void Children_yields_object_entries_rooted_at_their_full_path()
    {
        var config = Config.Parse("d { \"/a\" { x = 1 }, b { x = 2 }, scalar = 3 }");

        var children = config.GetConfig("d").Children.ToList();

        Assert.Equal(["/a", "b"], children.Select(c => c.Key));
        Assert.Equal(["d.\"/a\"", "d.b"], children.Select(c => c.Value.RootPath));
    }
}
