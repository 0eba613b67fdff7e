/// Names one timer of a ``TimerWheel`` so it can be cancelled in O(1).
///
/// A handle stays safe after its timer fired or was cancelled: the wheel reuses storage, but
/// the generation number no longer matches, so a stale cancel is a no-op.
public struct TimerHandle: Sendable, Hashable {
    let index: Int32
    let generation: UInt32
}
