namespace ActorProc.Core.Routing;

/// <summary>Builds a <see cref="RouterConfig"/> from a deployment block (<c>router = round-robin-pool</c>, ...).</summary>
internal static class RouterDeployment
{
    /// <summary>
    /// The router described by <paramref name="block"/>; <c>router = from-code</c> keeps
    /// <paramref name="fromCode"/>. Throws <see cref="ActorConfigurationException"/> naming
    /// <paramref name="path"/> for an unknown router type or invalid settings.
    /// </summary>
    public static RouterConfig? FromConfig(Config block, string path, RouterConfig? fromCode)
    {
        var type = block.GetString("router");
        if (type == "from-code") return fromCode;
        throw new ActorConfigurationException($"{path}.router: '{type}' is not a known router type.");
    }
}
