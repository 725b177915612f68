using System.Diagnostics;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace ActorProc.Core.Mailboxes;

/// <summary>
/// Unbounded lock-free multi-producer / single-consumer queue of <typeparamref name="T"/>.
/// <para>
/// Concurrency contract: any number of threads call <see cref="Enqueue"/>; one thread at a time calls
/// <see cref="TryDequeue"/> (the consumer may change between calls if the caller hands over with a
/// memory barrier, as a mailbox does through its status word).
/// </para>
/// <para>
/// Design: a linked list of ring segments. Each segment is a bounded ring in which every slot carries a
/// sequence number saying whether it is free for the producer of a given ticket or full for the
/// consumer of a given ticket, so producers claim slots with one CAS and never lock. A segment is
/// reused as a ring for as long as it does not fill up, so a steady stream allocates nothing per
/// item; when it fills, it is frozen and a twice larger segment is linked after it (the lock there is
/// taken only on growth). Segments start tiny (4 slots) so that a million idle actors stay cheap.
/// </para>
/// </summary>
internal sealed class MpscQueue<T>
{
    private const int InitialSegmentSize = 4;
    private const int MaxSegmentSize = 16 * 1024;

    /// <summary>Segment the consumer reads from; touched only by the consumer.</summary>
    private Segment _head;

    /// <summary>Segment producers write to; replaced (under <see cref="_growLock"/>) when it fills.</summary>
    private volatile Segment _tail;

    /// <summary>Serializes growth so exactly one new segment follows a frozen one.</summary>
    private readonly object _growLock = new();

    public MpscQueue()
    {
        _head = _tail = new Segment(InitialSegmentSize);
    }

    /// <summary>True if an item may be available (exact when no producer is mid-enqueue).</summary>
    public bool IsEmpty
    {
        get
        {
            var head = _head;
            return head.IsEmpty && head.Next is null;
        }
    }

    /// <summary>Approximate count: exact when producers and the consumer are quiet.</summary>
    public int Count
    {
        get
        {
            var count = 0;
            for (var s = Volatile.Read(ref _head); s is not null; s = s.Next) count += s.Count;
            return count;
        }
    }

    /// <summary>Adds an item; safe from any thread, never blocks except briefly when a segment grows.</summary>
    public void Enqueue(in T item)
    {
        // Loop, not recursion: each failed attempt means the tail segment was frozen and replaced.
        while (true)
        {
            var tail = _tail;
            if (tail.TryEnqueue(item)) return;
            Grow(tail);
        }
    }

    /// <summary>Takes the next item; consumer only.</summary>
    public bool TryDequeue(out T item)
    {
        while (true)
        {
            var head = _head;
            if (head.TryDequeue(out item)) return true;
            // Only move on when every ticket handed out by the frozen segment has been consumed;
            // a producer may still be writing into a claimed slot, and that item must come first.
            var next = head.Next;
            if (next is null || !head.IsFrozenAndDrained) return false;
            _head = next;
        }
    }

    private void Grow(Segment full)
    {
        lock (_growLock)
        {
            if (full != _tail) return; // somebody else already grew it
            full.Freeze();
            var next = new Segment(Math.Min(full.Capacity * 2, MaxSegmentSize));
            full.Next = next;
            _tail = next;
        }
    }

    [StructLayout(LayoutKind.Auto)]
    private struct Slot
    {
        public T Item;

        /// <summary>
        /// Equals the ticket number when the slot is free for the producer holding that ticket, and
        /// ticket + 1 when it holds that producer's item for the consumer.
        /// </summary>
        public int Sequence;
    }

    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly int _mask;

        /// <summary>Next ticket for producers; once frozen it is pushed past any valid slot ticket.</summary>
        private int _tail;

        /// <summary>Next ticket for the consumer (single writer).</summary>
        private int _head;

        /// <summary>Tail value at the moment of freezing: the ticket after the last one handed out.</summary>
        private int _frozenTail;

        /// <summary>Set (after <see cref="_frozenTail"/>) once no producer can claim a slot here any more.</summary>
        private volatile bool _frozen;

        public volatile Segment? Next;

        public Segment(int capacity)
        {
            Debug.Assert(BitOperations.IsPow2(capacity));
            _slots = new Slot[capacity];
            _mask = capacity - 1;
            for (var i = 0; i < capacity; i++) _slots[i].Sequence = i;
        }

        public int Capacity => _slots.Length;

        public bool IsEmpty => Volatile.Read(ref _slots[_head & _mask].Sequence) != _head + 1;

        public bool IsFrozenAndDrained
        {
            get { return _frozen && _head == _frozenTail; }
        }

        public int Count
        {
            get
            {
                // Ticket arithmetic wraps around int range; differences stay correct.
                var tail = _frozen ? _frozenTail : Volatile.Read(ref _tail);
                return Math.Max(0, tail - Volatile.Read(ref _head));
            }
        }

        public bool TryEnqueue(in T item)
        {
            var slots = _slots;
            var ticket = Volatile.Read(ref _tail);
            while (true)
            {
                ref var slot = ref slots[ticket & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - ticket;
                if (diff == 0)
                {
                    var seen = Interlocked.CompareExchange(ref _tail, ticket + 1, ticket);
                    if (seen == ticket)
                    {
                        slot.Item = item;
                        // Publishing the sequence after the item makes the item visible to the consumer.
                        Volatile.Write(ref slot.Sequence, ticket + 1);
                        return true;
                    }
                    ticket = seen;
                }
                else if (diff < 0)
                {
                    return false; // full: the slot still holds an unconsumed item from the previous lap
                }
                else
                {
                    ticket = Volatile.Read(ref _tail); // another producer took this ticket, or frozen
                }
            }
        }

        public bool TryDequeue(out T item)
        {
            var ticket = _head;
            ref var slot = ref _slots[ticket & _mask];
            if (Volatile.Read(ref slot.Sequence) != ticket + 1)
            {
                item = default!;
                return false;
            }
            item = slot.Item;
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) slot.Item = default!; // let the GC have it
            _head = ticket + 1;
            // Hand the slot to the producer of the ticket one lap later.
            Volatile.Write(ref slot.Sequence, ticket + _slots.Length);
            return true;
        }

        /// <summary>
        /// Stops further enqueues: the tail jumps far ahead, so every later producer sees its slot's
        /// sequence "behind" its ticket (full) and moves on to the next segment.
        /// </summary>
        public void Freeze()
        {
            // Retry until the tail we freeze at is the one we replace (producers may bump it meanwhile).
            while (true)
            {
                var tail = Volatile.Read(ref _tail);
                if (Interlocked.CompareExchange(ref _tail, tail + (1 << 29), tail) == tail)
                {
                    _frozenTail = tail;
                    _frozen = true; // volatile write publishes _frozenTail
                    return;
                }
            }
        }
    }
}
