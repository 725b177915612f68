namespace ActorProc.Core.Routing;

/// <summary>
/// Grows a pool under sustained pressure and shrinks it when idle, within
/// [<see cref="LowerBound"/>, <see cref="UpperBound"/>]. Every <see cref="MessagesPerResize"/> routed messages
/// it measures the pressure (how many routees are busy, see <see cref="PressureThreshold"/>) and:
/// adds <c>ceil(RampupRate × size)</c> routees when all are busy, removes <c>ceil(BackoffRate × size)</c>
/// (at least one) when fewer than <c>BackoffThreshold × size</c> are busy, then clamps to the bounds.
/// The computation (<see cref="Capacity"/>) is a pure function. Immutable and thread-safe.
/// </summary>
public sealed class DefaultResizer : Resizer
{
    /// <summary>Creates a resizer; the defaults match Akka's.</summary>
    /// <param name="lowerBound">Fewest routees (≥ 0).</param>
    /// <param name="upperBound">Most routees (≥ 1 and ≥ <paramref name="lowerBound"/>).</param>
    /// <param name="pressureThreshold">When a routee counts as busy: 0 = while it processes a message; 1 = while messages wait in its mailbox (it is behind); N &gt; 1 = while at least N messages wait.</param>
    /// <param name="rampupRate">Share of the current size added when all routees are busy (≥ 0).</param>
    /// <param name="backoffThreshold">Busy share below which the pool shrinks (0..1; 0 = never shrink).</param>
    /// <param name="backoffRate">Share of the current size removed when shrinking (≥ 0; 0 = never shrink).</param>
    /// <param name="messagesPerResize">Routed messages between two resize checks (≥ 1).</param>
    /// <exception cref="ArgumentOutOfRangeException">An argument is outside the range given above.</exception>
    public DefaultResizer(int lowerBound, int upperBound, int pressureThreshold = 1, double rampupRate = 0.2,
        double backoffThreshold = 0.3, double backoffRate = 0.1, int messagesPerResize = 10)
    {
        if (lowerBound < 0) throw new ArgumentOutOfRangeException(nameof(lowerBound), lowerBound, "lowerBound must be at least 0.");
        if (upperBound < 1 || upperBound < lowerBound) throw new ArgumentOutOfRangeException(nameof(upperBound), upperBound, $"upperBound must be at least 1 and at least lowerBound ({lowerBound}).");
        if (pressureThreshold < 0) throw new ArgumentOutOfRangeException(nameof(pressureThreshold), pressureThreshold, "pressureThreshold must be at least 0.");
        if (!(rampupRate >= 0)) throw new ArgumentOutOfRangeException(nameof(rampupRate), rampupRate, "rampupRate must be at least 0.");
        if (!(backoffThreshold is >= 0 and <= 1)) throw new ArgumentOutOfRangeException(nameof(backoffThreshold), backoffThreshold, "backoffThreshold must be between 0 and 1.");
        if (!(backoffRate >= 0)) throw new ArgumentOutOfRangeException(nameof(backoffRate), backoffRate, "backoffRate must be at least 0.");
        if (messagesPerResize < 1) throw new ArgumentOutOfRangeException(nameof(messagesPerResize), messagesPerResize, "messagesPerResize must be at least 1.");
        LowerBound = lowerBound;
        UpperBound = upperBound;
        PressureThreshold = pressureThreshold;
        RampupRate = rampupRate;
        BackoffThreshold = backoffThreshold;
        BackoffRate = backoffRate;
        MessagesPerResize = messagesPerResize;
    }

    /// <summary>Fewest routees.</summary>
    public int LowerBound { get; }

    /// <summary>Most routees.</summary>
    public int UpperBound { get; }

    /// <summary>When a routee counts as busy (see the constructor).</summary>
    public int PressureThreshold { get; }

    /// <summary>Share of the size added when every routee is busy.</summary>
    public double RampupRate { get; }

    /// <summary>Busy share below which the pool shrinks.</summary>
    public double BackoffThreshold { get; }

    /// <summary>Share of the size removed when shrinking.</summary>
    public double BackoffRate { get; }

    /// <summary>Routed messages between two resize checks.</summary>
    public int MessagesPerResize { get; }

    /// <inheritdoc />
    public override bool IsTimeForResize(long messageCounter) => messageCounter % MessagesPerResize == 0;

    /// <inheritdoc />
    public override int Resize(IReadOnlyList<IActorRef> currentRoutees)
    {
        ArgumentNullException.ThrowIfNull(currentRoutees);
        return Capacity(currentRoutees.Count, Pressure(currentRoutees));
    }

    /// <summary>
    /// The change in routees for a pool of <paramref name="currentSize"/> of which <paramref name="pressure"/>
    /// are busy: <see cref="Filter"/>, adjusted so the result stays within the bounds.
    /// </summary>
    public int Capacity(int currentSize, int pressure)
    {
        var delta = Filter(pressure, currentSize);
        var proposed = currentSize + delta;
        if (proposed < LowerBound) return delta + (LowerBound - proposed);
        if (proposed > UpperBound) return delta - (proposed - UpperBound);
        return delta;
    }

    /// <summary>How many routees are busy now (see <see cref="PressureThreshold"/>); routees in other processes never count.</summary>
    public int Pressure(IReadOnlyList<IActorRef> routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        var busy = 0;
        foreach (var routee in routees)
        {
            var cell = RouteeCells.LocalCell(routee);
            if (cell is null || cell.IsTerminated) continue;
            var mailbox = cell.Mailbox;
            var isBusy = PressureThreshold switch
            {
                // Processing: running a handler, or suspended while an async handler awaits.
                0 => cell.CurrentMessage is not null || mailbox.IsSuspended,
                _ => mailbox.NumberOfMessages >= PressureThreshold,
            };
            if (isBusy) busy++;
        }
        return busy;
    }

    /// <summary>The unclamped change: <see cref="Rampup"/> plus <see cref="Backoff"/>.</summary>
    public int Filter(int pressure, int capacity) => Rampup(pressure, capacity) + Backoff(pressure, capacity);

    /// <summary>Routees to add: <c>ceil(RampupRate × capacity)</c> when every routee is busy, else 0.</summary>
    public int Rampup(int pressure, int capacity) =>
        pressure < capacity ? 0 : (int)Math.Ceiling(RampupRate * capacity);

    /// <summary>Routees to remove (a negative number): <c>-ceil(BackoffRate × capacity)</c> when the busy share is below <see cref="BackoffThreshold"/>, else 0.</summary>
    public int Backoff(int pressure, int capacity) =>
        BackoffThreshold > 0 && BackoffRate > 0 && capacity > 0 && (double)pressure / capacity < BackoffThreshold
            ? (int)Math.Floor(-1.0 * BackoffRate * capacity)
            : 0;
}
