using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

public sealed class HoconIncludeSpec : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("actorproc-hocon-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("include \"base.conf\"")]
    [InlineData("include file(\"base.conf\")")]
    [InlineData("include required(\"base.conf\")")]
    [InlineData("include required(file(\"base.conf\"))")]
    [InlineData("include required( file( \"base.conf\" ) )")]
    [InlineData("include \"base\"")]
    public void Every_include_form_merges_the_file_at_the_statement(string statement)
    {
        Write("base.conf", "a = 1\nb { c = 2 }");
        var config = Config.ParseFile(Write("app.conf", $"{statement}\nb {{ d = 3 }}"));

        Assert.Equal(1, config.GetInt("a"));
        Assert.Equal((2, 3), (config.GetInt("b.c"), config.GetInt("b.d")));
    }

    [Fact]
    public void Later_fields_override_included_ones_and_earlier_ones_are_overridden()
    {
        Write("base.conf", "a = included\nb = included");
        var config = Config.ParseFile(Write("app.conf", "a = before\ninclude \"base.conf\"\nb = after"));

        Assert.Equal("included", config.GetString("a"));
        Assert.Equal("after", config.GetString("b"));
    }

    [Fact]
    public void An_include_inside_an_object_is_relative_to_that_object()
    {
        Write("dispatcher.conf", "throughput = 10\ntype = ${kind}\nref = ${top}");
        var config = Config.ParseFile(Write("app.conf", "top = root-value\nactorproc.my-dispatcher { kind = pinned, include \"dispatcher.conf\" }"));

        Assert.Equal(10, config.GetInt("actorproc.my-dispatcher.throughput"));
        Assert.Equal("pinned", config.GetString("actorproc.my-dispatcher.type"));
        Assert.Equal("root-value", config.GetString("actorproc.my-dispatcher.ref"));
        Assert.False(config.HasPath("throughput"));
    }

    [Fact]
    public void Includes_resolve_relative_to_the_including_file_directory()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "sub"));
        Write("sub/inner.conf", "x = 1\ninclude \"deeper.conf\"");
        Write("sub/deeper.conf", "y = 2");
        var config = Config.ParseFile(Write("app.conf", "include \"sub/inner.conf\""));

        Assert.Equal((1, 2), (config.GetInt("x"), config.GetInt("y")));
    }

    [Fact]
    public void Parse_without_origin_resolves_includes_against_the_current_directory()
    {
        var name = $"actorproc-include-{Guid.NewGuid():N}.conf";
        var path = Path.Combine(Directory.GetCurrentDirectory(), name);
        File.WriteAllText(path, "from-cwd = yes");
        try
        {
            Assert.True(Config.Parse($"include \"{name}\"").GetBoolean("from-cwd"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_missing_optional_include_is_ignored()
    {
        var config = Config.ParseFile(Write("app.conf", "include \"missing.conf\"\ninclude file(\"missing\")\na = 1"));

        Assert.Equal(["a"], config.Keys);
    }

    [Fact]
    public void A_missing_required_include_is_an_error_naming_the_file_and_the_statement()
    {
        var app = Write("app.conf", "a = 1\n  include required(\"missing.conf\")");

        var ex = Assert.Throws<ConfigurationException>(() => Config.ParseFile(app));

        Assert.Equal($"{app}:2:3: expected the required include 'missing.conf' to exist but found no file at {Path.Combine(_directory, "missing.conf")}", ex.Message);
        Assert.Equal((app, 2, 3), (ex.File, ex.Line, ex.Column));
    }

    [Fact]
    public void An_include_cycle_is_an_error_showing_the_chain()
    {
        var a = Write("a.conf", "include \"b.conf\"");
        var b = Write("b.conf", "x = 1\ninclude \"a.conf\"");

        var ex = Assert.Throws<ConfigurationException>(() => Config.ParseFile(a));

        Assert.Equal($"{b}:2:1: include cycle: {a} -> {b} -> {a}", ex.Message);
    }

    [Fact]
    public void A_syntax_error_in_an_included_file_names_that_file()
    {
        var inner = Write("inner.conf", "a = 1\nb = [1, 2");
        var ex = Assert.Throws<ConfigurationException>(() => Config.ParseFile(Write("app.conf", "include \"inner.conf\"")));

        Assert.Equal($"{inner}:2:10: expected ']' to close the array opened at 2:5 but found end of file", ex.Message);
    }

    [Theory]
    [InlineData("include url(\"http://example.com/x.conf\")", "1:9: expected a file include but found 'url(': only files can be included")]
    [InlineData("include foo(\"x.conf\")", "1:9: expected a quoted file name, file(\"...\"), required(\"...\") or required(file(\"...\")) after 'include' but found 'foo('")]
    [InlineData("include required(\"x.conf\"", "1:26: expected ) to close 'required(' but found end of file")]
    public void Malformed_include_statements_are_errors(string statement, string expectedSuffix)
    {
        var app = Write("app.conf", statement);

        var ex = Assert.Throws<ConfigurationException>(() => Config.ParseFile(app));

        Assert.Equal($"{app}:{expectedSuffix}", ex.Message);
    }

    [Fact]
    public void ParseFile_of_a_missing_file_is_a_configuration_error()
    {
        var missing = Path.Combine(_directory, "nope.conf");

        var ex = Assert.Throws<ConfigurationException>(() => Config.ParseFile(missing));

        Assert.StartsWith($"{missing}: cannot read the configuration file", ex.Message);
    }

    private string Write(string relative, string content)
    {
        var path = Path.Combine(_directory, relative);
        File.WriteAllText(path, content);
        return path;
    }
}
