using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace ActorProc.Tasks;

/// <summary>How a named task turns its text inputs into typed inputs, and its outputs into text.</summary>
internal static class TaskInputParsers
{
    /// <summary>
    /// The parser for <paramref name="inputType"/>: the task class's own <see cref="ITaskInputParser{TIn}"/>
    /// when <paramref name="taskType"/> implements it (a new instance per input), the text itself for
    /// strings, <see cref="IParsable{TSelf}"/> with the invariant culture, otherwise JSON.
    /// </summary>
    public static Func<string, object?> For(Type inputType, Type? taskType)
    {
        var parserInterface = typeof(ITaskInputParser<>).MakeGenericType(inputType);
        if (taskType is not null && parserInterface.IsAssignableFrom(taskType))
        {
            var parse = parserInterface.GetMethod(nameof(ITaskInputParser<object>.Parse))!;
            return text => Invoke(parse, Activator.CreateInstance(taskType)!, text);
        }
        if (inputType == typeof(string)) return static text => text;
        // Not MakeGenericType(IParsable<>): its self-referencing constraint makes that throw for other types.
        if (inputType.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IParsable<>) && i.GetGenericArguments()[0] == inputType))
            return (Func<string, object?>)typeof(TaskInputParsers).GetMethod(nameof(Parsable), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(inputType).CreateDelegate(typeof(Func<string, object?>));
        return text => JsonSerializer.Deserialize(text, inputType);
    }

    /// <summary>An output as JSON text.</summary>
    public static string Format(object? value, Type outputType) => JsonSerializer.Serialize(value, outputType);

    private static object? Parsable<T>(string text) where T : IParsable<T> => T.Parse(text, CultureInfo.InvariantCulture);

    private static object? Invoke(MethodInfo method, object target, string text)
    {
        try
        {
            return method.Invoke(target, [text]);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}
