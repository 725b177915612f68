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
/// taken only on growth). The first segment is allocated on the first enqueue and is tiny (4 slots),
/// so a million idle actors stay cheap.
/// </para>
/// </summary>
internal class MpscQueue<T>
{
    private const int InitialSegmentSize = 4;
    private const int MaxSegmentSize = 16 * 1024;

    /// <summary>
    /// Segment the consumer reads from. The first enqueue installs it (CAS from null, once); after that
    /// only the consumer moves it forward, so producers and consumer never race on it.
    /// </summary>
    private Segment? _head;

    /// <summary>Segment producers write to; null until the first segment is installed, then replaced under a lock on growth.</summary>
    private volatile Segment? _tail;

    /// <summary>
    /// True when no producer has claimed a slot that the consumer has not taken yet. It looks at the
    /// claimed tickets, not at published items, on purpose: a producer claims its ticket with a locked
    /// CAS (a full fence), so a consumer that checks emptiness after a fence of its own (clearing the
    /// mailbox's Scheduled bit) either sees the claim or is seen by the producer. That is what lets
    /// <see cref="Mailbox.Post"/> avoid a second fence per message. The price: right after a claim the
    /// queue reports "not empty" a moment before <see cref="TryDequeue"/> can return the item.
    /// </summary>
    public bool IsEmpty
    {
        get
        {
            for (var segment = Volatile.Read(ref _head); segment is not null; segment = segment.Next)
            {
                if (segment.HasClaimedTickets) return false;
            }
            return true;
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
            var tail = _tail ?? InstallFirstSegment();
            if (tail.TryEnqueue(item)) return;
            Grow(tail);
        }
    }

    /// <summary>Takes the next item; consumer only.</summary>
    public bool TryDequeue(out T item)
    {
        var head = Volatile.Read(ref _head);
        if (head is null)
        {
            item = default!;
            return false;
        }
        while (true)
        {
            if (head.TryDequeue(out item)) return true;
            // Only move on when every ticket handed out by the frozen segment has been consumed;
            // a producer may still be writing into a claimed slot, and that item must come first.
            var next = head.Next;
            if (next is null || !head.IsFrozenAndDrained) return false;
            _head = head = next;
        }
    }

    private Segment InstallFirstSegment()
    {
        // The head is decided once; _tail can only go from null to that same segment, and growth needs
        // a non-null tail, so no producer can ever skip the first segment.
        var fresh = new Segment(InitialSegmentSize);
        var first = Interlocked.CompareExchange(ref _head, fresh, null) ?? fresh;
        Interlocked.CompareExchange(ref _tail, first, null);
        return _tail!;
    }

    private void Grow(Segment full)
    {
        // The queue object is private to its mailbox, so locking it cannot collide with other code.
        lock (this)
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
        /// <summary>Segments at least this large are busy queues: their tickets get cache lines of their own.</summary>
        private const int PaddingThreshold = 64;

        /// <summary>Ints per 128 bytes: the distance that keeps two tickets off each other's (prefetched) cache lines.</summary>
        private const int PadInts = 32;

        private readonly Slot[] _slots;
        private readonly int _mask;

        /// <summary>
        /// The consumer's head ticket at index <see cref="_headIndex"/> and the producers' tail ticket at
        /// <see cref="_tailIndex"/>. In large segments the two are 128 bytes apart: producers hammer the
        /// tail with CAS while the consumer bumps the head, and sharing a cache line would make every
        /// operation invalidate the other core's copy (false sharing). Small segments (idle or quiet
        /// actors, of which there may be millions) keep both in a two-int array.
        /// </summary>
        private readonly int[] _tickets;
        private readonly int _headIndex;
        private readonly int _tailIndex;

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
            if (capacity >= PaddingThreshold)
            {
                _tickets = new int[3 * PadInts];
                _headIndex = PadInts;
                _tailIndex = 2 * PadInts;
            }
            else
            {
                _tickets = new int[2];
                _tailIndex = 1;
            }
        }

        public int Capacity => _slots.Length;

        private ref int Head => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tickets), _headIndex);
        private ref int Tail => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_tickets), _tailIndex);

        /// <summary>True when some ticket was handed out that the consumer has not consumed yet.</summary>
        public bool HasClaimedTickets
        {
            get
            {
                // A freeze in progress (tail pushed ahead, _frozen not yet set) reads as "claimed":
                // a harmless false positive that costs at most one extra look.
                var tail = _frozen ? _frozenTail : Volatile.Read(ref Tail);
                return tail != Volatile.Read(ref Head);
            }
        }

        public bool IsFrozenAndDrained => _frozen && Head == _frozenTail;

        public int Count
        {
            get
            {
                // Ticket arithmetic wraps around the int range; differences stay correct.
                var tail = _frozen ? _frozenTail : Volatile.Read(ref Tail);
                return Math.Max(0, tail - Volatile.Read(ref Head));
            }
        }

        public bool TryEnqueue(in T item)
        {
            var slots = _slots;
            ref var tailTicket = ref Tail;
            var ticket = Volatile.Read(ref tailTicket);
            while (true)
            {
                ref var slot = ref slots[ticket & _mask];
                var diff = Volatile.Read(ref slot.Sequence) - ticket;
                if (diff == 0)
                {
                    var seen = Interlocked.CompareExchange(ref tailTicket, ticket + 1, ticket);
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
                    return false; // full: the slot still holds an unconsumed item from the previous lap (or frozen)
                }
                else
                {
                    ticket = Volatile.Read(ref tailTicket); // another producer took this ticket
                }
            }
        }

        public bool TryDequeue(out T item)
        {
            ref var headTicket = ref Head;
            var ticket = headTicket;
            ref var slot = ref _slots[ticket & _mask];
            if (Volatile.Read(ref slot.Sequence) != ticket + 1)
            {
                item = default!;
                return false;
            }
            item = slot.Item;
            if (RuntimeHelpers.IsReferenceOrContainsReferences<T>()) slot.Item = default!; // let the GC have it
            headTicket = ticket + 1;
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
            ref var tailTicket = ref Tail;
            // Retry until the tail we freeze at is the one we replace (producers may bump it meanwhile).
            while (true)
            {
                var tail = Volatile.Read(ref tailTicket);
                if (Interlocked.CompareExchange(ref tailTicket, tail + (1 << 29), tail) == tail)
                {
                    _frozenTail = tail;
                    _frozen = true; // volatile write publishes _frozenTail
                    return;
                }
            }
        }
    }
}
