using System.Runtime.InteropServices;

namespace ActorProc.Bench.Harness;

/// <summary>
/// A counter many threads add to with little contention: each thread adds to the slot
/// picked by its managed thread id, each slot on its own cache line. Used to verify that
/// every one of millions of tiny work items ran without a shared hot counter.
/// </summary>
/// <remarks>
/// Concurrency contract: <see cref="Add"/> may be called from any thread at any time;
/// <see cref="Total"/> is exact only once every adder has finished (its caller joins them first).
/// </remarks>
internal sealed class StripedCounter
{
    private const int SlotCount = 64; // a power of two, well above the core counts benched

    private readonly PaddedSlot[] _slots = new PaddedSlot[SlotCount];

    /// <summary>Adds <paramref name="amount"/> to the calling thread's slot.</summary>
    public void Add(long amount) =>
        Interlocked.Add(ref _slots[Environment.CurrentManagedThreadId & (SlotCount - 1)].Value, amount);

    /// <summary>The sum over all slots.</summary>
    public long Total
    {
        get
        {
            long total = 0;
            for (var i = 0; i < SlotCount; i++)
            {
                total += Volatile.Read(ref _slots[i].Value);
            }

            return total;
        }
    }

    /// <summary>One slot, padded to 128 bytes so two slots never share a cache line (or an adjacent-line prefetch pair).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedSlot
    {
        [FieldOffset(0)]
        public long Value;
    }
}
