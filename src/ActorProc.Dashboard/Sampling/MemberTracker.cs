using ActorProc.Cluster.Client;

namespace ActorProc.Dashboard.Sampling;

/// <summary>
/// The member table: the current members, plus members that left the cluster, shown as <c>removed</c> for
/// <see cref="RemovedKept"/>, so an operator who looks a minute after a node died still sees which one it
/// was. A removed member that was last seen leaving or exiting left gracefully (the page says "left");
/// any other removed member died (it shows unreachable), seen unreachable first or not.
/// Concurrency contract: not thread-safe; the sampler calls it from its publishing loop only.
/// </summary>
internal sealed class MemberTracker
{
    /// <summary>How long a removed member stays in the table.</summary>
    public static readonly TimeSpan RemovedKept = TimeSpan.FromMinutes(10);

    private readonly Dictionary<string, (MemberView Member, DateTimeOffset LastSeen)> _known = new(StringComparer.Ordinal);

    /// <summary>Merges the current view into the table and returns it ordered by address.</summary>
    public IReadOnlyList<MemberView> Update(IEnumerable<ClusterMemberInfo> current, string self, DateTimeOffset now)
    {
        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var m in current)
        {
            present.Add(m.Address);
            _known[m.Address] = (new MemberView(m.Address, m.Roles, m.Status, m.Reachable, m.Address == self), now);
        }
        foreach (var (address, (member, lastSeen)) in _known.ToArray())
        {
            if (present.Contains(address)) continue;
            if (now - lastSeen > RemovedKept) _known.Remove(address);
            // Gone without being seen leaving: it died. ActorProc downs a member whose process is gone within
            // a second, often between two samples, so it may never have been seen unreachable.
            else if (member.Status != "removed") _known[address] = (member with { Status = "removed", Reachable = member.Reachable && member.Status is "leaving" or "exiting" }, lastSeen);
        }
        return _known.Values.Select(v => v.Member).OrderBy(m => m.Address, StringComparer.Ordinal).ToArray();
    }
}
