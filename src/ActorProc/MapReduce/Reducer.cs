using System.Runtime.InteropServices;

namespace ActorProc.MapReduce;

/// <summary>
/// One reducer of a map-reduce: owns the keys the <see cref="KeyPartitioner{TKey}"/> assigns to it,
/// collects their values from every map batch (keeping only the first delivery of each batch, so a map
/// batch that ran twice — retried after a timeout — counts once), and on <see cref="ReduceNow"/>
/// reduces every key and replies with the results. With a combiner it keeps one folded value per key
/// instead of a list. User code (reduce, combine) that throws is reported to the asker with the key.
/// </summary>
internal sealed class Reducer<TKey, TValue, TResult>(
    Func<TKey, IEnumerable<TValue>, TResult> reduce,
    Func<TKey, IEnumerable<TValue>, TValue>? combine,
    IEqualityComparer<TKey> comparer) : UntypedActor where TKey : notnull
{
    private readonly Dictionary<TKey, List<TValue>> _groups = new(comparer);
    private readonly Dictionary<TKey, TValue> _folded = new(comparer);
    private readonly TValue[] _pair = new TValue[2];
    private readonly HashSet<long> _batches = [];
    private Exception? _failure;
    private ReduceNow? _pending;
    private IActorRef? _asker;

    protected override void OnReceive(object message)
    {
        switch (message)
        {
            case Partition<TKey, TValue> partition:
                if (_batches.Add(partition.Batch)) Merge(partition);
                if (_pending is not null && _batches.Count >= _pending.Batches) Finish();
                break;
            case ReduceNow now:
                _pending = now;
                _asker = Sender;
                if (_batches.Count >= now.Batches) Finish();
                break;
            default:
                Unhandled(message);
                break;
        }
    }

    private void Merge(Partition<TKey, TValue> partition)
    {
        if (partition.Groups is { } groups)
        {
            foreach (var (key, values) in groups)
            {
                ref var list = ref CollectionsMarshal.GetValueRefOrAddDefault(_groups, key, out var exists);
                if (!exists) list = values; // the batch's own list: no copy
                else list!.AddRange(values);
            }
            return;
        }
        if (_failure is not null) return;
        foreach (var (key, value) in partition.Combined!)
        {
            ref var slot = ref CollectionsMarshal.GetValueRefOrAddDefault(_folded, key, out var exists);
            try
            {
                slot = exists ? WorkerPool.Fold(combine!, key, slot!, value, _pair) : value;
            }
            catch (Exception e)
            {
                _failure = new InvalidOperationException($"combine failed for key '{key}': {e.Message}", e);
                return;
            }
        }
    }

    private void Finish()
    {
        _pending = null;
        if (_failure is not null)
        {
            _asker!.Tell(new Status.Failure(_failure), Self);
            return;
        }
        var results = new Dictionary<TKey, TResult>(_groups.Count + _folded.Count, comparer);
        var current = default(TKey);
        try
        {
            foreach (var (key, values) in _groups)
            {
                current = key;
                results.Add(key, reduce(key, values));
            }
            var single = new TValue[1];
            foreach (var (key, value) in _folded)
            {
                current = key;
                single[0] = value;
                results.Add(key, reduce(key, single));
            }
        }
        catch (Exception e)
        {
            _asker!.Tell(new Status.Failure(new InvalidOperationException($"reduce failed for key '{current}': {e.Message}", e)), Self);
            return;
        }
        _groups.Clear();
        _folded.Clear();
        _asker!.Tell(new Reduced<TKey, TResult>(results), Self);
    }
}
