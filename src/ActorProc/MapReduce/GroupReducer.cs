using System.Runtime.InteropServices;

namespace ActorProc.MapReduce;

/// <summary>
/// One reducer of a grouped map-reduce: owns the keys the <see cref="KeyPartitioner{TKey}"/> assigns to
/// it. Each group's pairs wait in a table of their own until the group is settled: a kept group is folded
/// into the totals, a dropped one discarded, so a group with a failed input contributes nothing. Only the
/// first delivery of an input counts (a map call that ran twice, retried after a timeout, counts once),
/// and pairs that arrive for a group already settled (a timed-out call finishing late) are ignored.
/// A combine call that throws is reported to the collector with the key.
/// </summary>
internal sealed class GroupReducer<TKey, TValue>(Func<TValue, TValue, TValue> combine, IEqualityComparer<TKey> comparer)
    : UntypedActor where TKey : notnull
{
    private readonly Dictionary<int, Pending> _pending = [];
    private readonly HashSet<int> _settled = [];
    private Dictionary<TKey, TValue> _totals = new(comparer);
    private int _kept;
    private Exception? _failure;
    private CollectTotals? _collect;
    private IActorRef? _collector;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case GroupPartition<TKey, TValue> partition:
                if (_settled.Contains(partition.Group)) break;
                var pending = PendingOf(partition.Group);
                if (pending.Inputs.Add(partition.Input)) Fold(pending.Table, partition.Pairs);
                if (pending.KeepWith is { } inputs && pending.Inputs.Count >= inputs) Keep(partition.Group, pending);
                break;
            case SettleGroup { Keep: false } drop:
                _settled.Add(drop.Group);
                _pending.Remove(drop.Group);
                break;
            case SettleGroup keep:
                var group = PendingOf(keep.Group);
                group.KeepWith = keep.Inputs;
                if (group.Inputs.Count >= keep.Inputs) Keep(keep.Group, group);
                break;
            case CollectTotals collect:
                _collect = collect;
                _collector = Sender;
                break;
            default:
                Unhandled(message);
                return;
        }
        if (_collect is { } c && _kept >= c.Kept) Reply();
    }

    private Pending PendingOf(int group)
    {
        ref var pending = ref CollectionsMarshal.GetValueRefOrAddDefault(_pending, group, out _);
        return pending ??= new Pending(new Dictionary<TKey, TValue>(comparer));
    }

    private void Keep(int group, Pending pending)
    {
        _pending.Remove(group);
        _settled.Add(group);
        _kept++;
        if (_totals.Count == 0) _totals = pending.Table; // the first kept group's table: no copy
        else Fold(_totals, pending.Table);
    }

    private void Fold(Dictionary<TKey, TValue> into, IEnumerable<KeyValuePair<TKey, TValue>> pairs)
    {
        if (_failure is not null) return;
        foreach (var (key, value) in pairs)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(into, key, out var exists);
            try
            {
                slot = exists ? combine(slot!, value) : value;
            }
            catch (Exception e)
            {
                _failure = new InvalidOperationException($"combine failed for key '{key}': {e.Message}", e);
                return;
            }
        }
    }

    private void Reply()
    {
        _collector!.Tell(_failure is null ? new Reduced<TKey, TValue>(_totals) : new Status.Failure(_failure), Self);
        _collect = null;
    }

    /// <summary>A group's pairs so far, the inputs they came from, and the input count to keep it with once settled as kept.</summary>
    private sealed class Pending(Dictionary<TKey, TValue> table)
    {
        public Dictionary<TKey, TValue> Table { get; } = table;

        public HashSet<long> Inputs { get; } = [];

        public long? KeepWith { get; set; }
    }
}
