using System.Reflection;
using System.Runtime.Loader;

namespace ActorProc.Cli.Hosting;

/// <summary>
/// Loads a plugin assembly and its own dependencies (resolved through the plugin's .deps.json) in a
/// context of its own, while every assembly the CLI itself ships (ActorProc, Akka, the
/// framework) comes from the CLI's copy: the plugin's <c>[ActorTask]</c> attribute and task interfaces
/// must be the very types the CLI looks for, or discovery would find nothing.
/// </summary>
internal sealed class PluginLoadContext : AssemblyLoadContext
{
    private static readonly HashSet<string> HostAssemblies = ReadHostAssemblies();
    private readonly AssemblyDependencyResolver _resolver;

    private PluginLoadContext(string pluginPath) : base($"plugin:{Path.GetFileName(pluginPath)}") => _resolver = new AssemblyDependencyResolver(pluginPath);

    /// <summary>Loads the assembly at <paramref name="path"/>.</summary>
    /// <exception cref="UsageException">It is not a .NET assembly or cannot be loaded.</exception>
    public static Assembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return new PluginLoadContext(full).LoadFromAssemblyPath(full);
        }
        catch (Exception e) when (e is BadImageFormatException or FileLoadException or FileNotFoundException or ArgumentException)
        {
            throw new UsageException($"--assembly {path}: cannot load it as a .NET assembly: {e.Message}");
        }
    }

    protected override Assembly? Load(AssemblyName assemblyName)
    {
        if (assemblyName.Name is { } name && HostAssemblies.Contains(name)) return null; // the CLI's copy, from the default context
        return _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }

    protected override IntPtr LoadUnmanagedDll(string unmanagedDllName) =>
        _resolver.ResolveUnmanagedDllToPath(unmanagedDllName) is { } path ? LoadUnmanagedDllFromPath(path) : IntPtr.Zero;

    /// <summary>Simple names of the assemblies the CLI runs with (its trusted platform assemblies).</summary>
    private static HashSet<string> ReadHostAssemblies()
    {
        var list = AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string ?? "";
        return list.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
