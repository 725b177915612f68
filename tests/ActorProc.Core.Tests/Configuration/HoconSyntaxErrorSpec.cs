using ActorProc.Core.Configuration;

namespace ActorProc.Core.Tests.Configuration;

/// <summary>Every syntax error names file:line:col, what was expected and what was found.</summary>
public sealed class HoconSyntaxErrorSpec
{
    [Theory]
    // unterminated strings
    [InlineData("a = \"abc", "1:5: unterminated string: expected a closing '\"' but found end of file")]
    [InlineData("a = \"abc\nb = 1", "1:5: unterminated string: expected a closing '\"' but found end of line (use \"\"\" for multi-line strings)")]
    [InlineData("x = 1\na = \"\"\"abc\n", "2:5: unterminated triple-quoted string: expected a closing '\"\"\"' but found end of file")]
    // unbalanced braces and brackets
    [InlineData("a { b = 1", "1:10: expected '}' to close the object opened at 1:3 but found end of file")]
    [InlineData("a { b = 1 }}", "1:12: expected ',', a new line or end of file after 'a' but found '}', which closes no '{'")]
    [InlineData("a = 1\n}", "2:1: expected a key but found '}', which closes no '{'")]
    [InlineData("a = 1 ]", "1:7: expected ',', a new line or end of file after 'a' but found ']', which closes no '['")]
    [InlineData("{ a = 1 } }", "1:11: expected end of file after the root object's closing '}' but found '}'")]
    [InlineData("a = [1, 2", "1:10: expected ']' to close the array opened at 1:5 but found end of file")]
    [InlineData("a = [1, 2}", "1:10: expected ',', a new line or ']' after an array element but found '}'")]
    [InlineData("{ a = 1, ]", "1:10: expected '}' or a key but found ']'")]
    // missing values
    [InlineData("a =\nb = 2", "1:4: expected a value after '=' for key 'a' but found end of line")]
    [InlineData("a : ", "1:5: expected a value after ':' for key 'a' but found end of file")]
    [InlineData("a = , b = 1", "1:5: expected a value after '=' for key 'a' but found ','")]
    [InlineData("a += \n", "1:6: expected a value after '+=' for key 'a' but found end of line")]
    [InlineData("a = [,1]", "1:6: expected an array element or ']' but found ','")]
    [InlineData("a = [1,,2]", "1:8: expected an array element or ']' but found ','")]
    // unexpected tokens
    [InlineData("a = 1 = 2", "1:7: expected ',' or a new line after 'a' but found '='")]
    [InlineData("a b c", "1:6: expected ':', '=', '+=' or '{' after the key 'a b c' but found end of file")]
    [InlineData("a { b }", "1:7: expected ':', '=', '+=' or '{' after the key 'b' but found '}'")]
    [InlineData("= 5", "1:1: expected a key but found '='")]
    [InlineData("[1, 2]", "1:1: expected an object at the root of the document but found '['")]
    [InlineData("a = ^", "1:5: expected a key, a value or punctuation but found reserved character '^' (quote text that contains it)")]
    [InlineData("a = +1", "1:5: expected '+=' but found '+' followed by '1'")]
    [InlineData("a = $x", "1:5: expected '{' after '$' (substitutions are written ${path}) but found 'x'")]
    [InlineData("a = [1] x", "1:5: cannot concatenate an array with string 'x' (set at f.conf:1:9); values on one line must all be strings, all arrays or all objects")]
    // escapes
    [InlineData("a = \"\\q\"", "1:6: invalid escape: expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX but found '\\q'")]
    [InlineData("a = \"\\u12G4\"", "1:6: invalid escape: expected four hex digits after '\\u' but found '\\u12G4'")]
    // substitutions and keys
    [InlineData("a = ${b", "1:5: unterminated substitution: expected '}' to close '${' but found end of file")]
    [InlineData("a = ${}", "1:5: invalid substitution '${}': the path is empty")]
    [InlineData("a = ${b..c}", "1:5: invalid substitution '${b..c}': empty key between dots (quote keys that contain '.')")]
    [InlineData("a..b = 1", "1:1: invalid key 'a..b': empty key between dots (quote keys that contain '.')")]
    [InlineData("a. = 1", "1:1: invalid key 'a.': the key ends with '.'")]
    public void Syntax_errors_say_where_what_was_expected_and_what_was_found(string hocon, string expected)
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse(hocon, "f.conf"));

        Assert.Equal("f.conf:" + expected, ex.Message);
        var location = expected.Split(':');
        Assert.Equal(("f.conf", int.Parse(location[0]), int.Parse(location[1])), (ex.File, ex.Line, ex.Column));
        Assert.Null(ex.Path);
    }

    [Fact]
    public void Text_parsed_without_an_origin_is_reported_as_string()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("a = [1"));

        Assert.StartsWith("<string>:1:7: ", ex.Message);
    }

    [Fact]
    public void Columns_and_lines_are_counted_across_comments_crlf_and_multi_line_strings()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("# header\r\nt = \"\"\"a\nb\"\"\" // c\r\n  x = ^", "f.conf"));

        Assert.Equal((4, 7), (ex.Line, ex.Column));
    }

    [Fact]
    public void Absurdly_deep_nesting_is_an_error_instead_of_a_stack_overflow()
    {
        var ex = Assert.Throws<ConfigurationException>(() => Config.Parse("a = " + new string('[', 100_000), "f.conf"));

        Assert.Equal("f.conf:1:205: expected objects and arrays nested at most 200 deep but found deeper nesting", ex.Message);
    }
}
