/// A hierarchical timing wheel with one-second resolution (Varghese & Lauck's scheme 7, in the
/// layout of the classic Linux kernel wheel): O(1) ``schedule(_:at:)`` and ``cancel(_:)``,
/// exact expiry to the second, and no work for seconds in which nothing is due.
///
/// Five levels of 64 slots each. Level 0 holds timers due in the next 64 seconds, one slot per
/// second; level `l` holds timers due within 64^(l+1) seconds, one slot per block of 64^l
/// seconds, so the top level reaches about 34 years. Timers further away wait on an overflow
/// list. When the wheel reaches the start of a block whose slot is occupied, it *cascades* that
/// slot: each timer is placed again, now in a finer level, until it lands in level 0 and fires.
///
/// Each level keeps a 64-bit occupancy map, so ``nextWakeup`` (the next second at which there is
/// anything to fire or cascade) costs a few bit operations: the owner sleeps until then instead of
/// ticking every second.
///
/// The wheel is a value type without locks: one owner (the scheduler actor) drives it.
public struct TimerWheel<Value> {
    private static var slotBits: Int { 6 }
    private static var slotsPerLevel: Int { 1 << slotBits }
    private static var levelCount: Int { 5 }
    /// The overflow list's number in `heads`.
    private static var overflowSlot: Int32 { Int32(levelCount * slotsPerLevel) }
    /// Seconds covered by the whole wheel (64^5): farther timers overflow.
    private static var horizon: Int64 { 1 << Int64(slotBits * levelCount) }

    private var nodes = TimerNodes<Value>()
    /// First node of each slot list (levels in order, then the overflow list).
    private var heads = [Int32](repeating: TimerNodes<Value>.none, count: levelCount * slotsPerLevel + 1)
    /// Bit `i` of `occupied[l]` is set when slot `i` of level `l` holds a timer.
    private var occupied = [UInt64](repeating: 0, count: levelCount)
    /// A lower bound of the overflow list's earliest deadline (nil when the list is empty).
    private var overflowEarliest: Int64?
    /// The next second not processed yet: every timer due before it has fired.
    public private(set) var cursor: Int64

    /// An empty wheel whose first unprocessed second is `start` (Unix time).
    public init(start: Int64) {
        cursor = start
    }

    /// Number of pending timers.
    public var count: Int { nodes.count }

    /// Whether no timer is pending.
    public var isEmpty: Bool { nodes.count == 0 }

    /// Bytes reserved by timer storage (excluding the fixed 2.6 KB of slot heads).
    public var storageBytes: Int { nodes.reservedBytes }

    /// Adds a timer due at `deadline` (Unix seconds). A deadline already passed fires at the next
    /// ``advance(to:)``.
    @discardableResult
    public mutating func schedule(_ value: Value, at deadline: Int64) -> TimerHandle {
        let index = nodes.allocate(deadline: deadline, value: value)
        place(index)
        return TimerHandle(index: index, generation: nodes[index].generation)
    }

    /// Removes a pending timer and returns its value; nil when it already fired or was cancelled.
    @discardableResult
    public mutating func cancel(_ handle: TimerHandle) -> Value? {
        guard nodes.isLive(handle) else { return nil }
        unlink(handle.index)
        return nodes.free(handle.index)
    }

    /// The due second of a pending timer.
    public func deadline(of handle: TimerHandle) -> Int64? {
        nodes.isLive(handle) ? nodes[handle.index].deadline : nil
    }

    /// The earliest second at which ``advance(to:)`` has work (a timer to fire or a slot to
    /// cascade); nil when the wheel is empty. Never earlier than ``cursor``.
    public var nextWakeup: Int64? {
        var earliest: Int64?
        func consider(_ second: Int64) { earliest = min(earliest ?? second, second) }
        for level in 0..<Self.levelCount where occupied[level] != 0 {
            let shift = Int64(level * Self.slotBits)
            // The first block of this level that starts at or after the cursor.
            let block = (cursor + (1 << shift) - 1) >> shift
            let offset = Self.firstSetBit(occupied[level], from: Int(block & Int64(Self.slotsPerLevel - 1)))
            consider((block + Int64(offset)) << shift)
        }
        if let overflowEarliest { consider(max(cursor, overflowEarliest - Self.horizon + 1)) }
        return earliest
    }

    /// Fires every timer due at or before `now`, in due order, and returns them (value and due
    /// second). Afterwards ``cursor`` is `now + 1` (or unchanged when `now` is in its past).
    public mutating func advance(to now: Int64) -> [(value: Value, deadline: Int64)] {
        var fired: [(value: Value, deadline: Int64)] = []
        while let second = nextWakeup, second <= now {
            cursor = second
            process(second, into: &fired)
            cursor = second + 1
        }
        cursor = max(cursor, now + 1)
        return fired
    }

    // MARK: Slots

    /// Cascades the slots whose block starts at `second`, then fires level 0's slot for it.
    private mutating func process(_ second: Int64, into fired: inout [(value: Value, deadline: Int64)]) {
        if let overflowEarliest, second > overflowEarliest - Self.horizon {
            self.overflowEarliest = nil
            replace(detach(Self.overflowSlot))
        }
        for level in stride(from: Self.levelCount - 1, through: 1, by: -1) {
            let shift = Int64(level * Self.slotBits)
            guard second & ((1 << shift) - 1) == 0 else { continue }
            replace(detach(Self.slot(level: level, index: Int((second >> shift) & Int64(Self.slotsPerLevel - 1)))))
        }
        var index = detach(Self.slot(level: 0, index: Int(second & Int64(Self.slotsPerLevel - 1))))
        while index != TimerNodes<Value>.none {
            let next = nodes[index].next
            let deadline = nodes[index].deadline
            fired.append((nodes.free(index), deadline))
            index = next
        }
    }

    /// Places every node of a detached list again, relative to the cursor.
    private mutating func replace(_ first: Int32) {
        var index = first
        while index != TimerNodes<Value>.none {
            let next = nodes[index].next
            place(index)
            index = next
        }
    }

    /// Links a node into the slot its deadline falls in, seen from the cursor.
    private mutating func place(_ index: Int32) {
        let deadline = nodes[index].deadline
        let delta = deadline - cursor
        if delta < Int64(Self.slotsPerLevel) {
            // Overdue timers go to the cursor's own slot: they fire at the next advance.
            let second = max(deadline, cursor)
            link(index, Self.slot(level: 0, index: Int(second & Int64(Self.slotsPerLevel - 1))))
            return
        }
        for level in 1..<Self.levelCount where delta < 1 << Int64((level + 1) * Self.slotBits) {
            let shift = Int64(level * Self.slotBits)
            link(index, Self.slot(level: level, index: Int((deadline >> shift) & Int64(Self.slotsPerLevel - 1))))
            return
        }
        overflowEarliest = min(overflowEarliest ?? deadline, deadline)
        link(index, Self.overflowSlot)
    }

    private mutating func link(_ index: Int32, _ slot: Int32) {
        let head = heads[Int(slot)]
        nodes[index].previous = TimerNodes<Value>.none
        nodes[index].next = head
        nodes[index].slot = slot
        if head != TimerNodes<Value>.none { nodes[head].previous = index }
        heads[Int(slot)] = index
        if slot != Self.overflowSlot { occupied[Int(slot) >> Self.slotBits] |= 1 << UInt64(Int(slot) & (Self.slotsPerLevel - 1)) }
    }

    private mutating func unlink(_ index: Int32) {
        let node = nodes[index]
        if node.previous == TimerNodes<Value>.none {
            heads[Int(node.slot)] = node.next
        } else {
            nodes[node.previous].next = node.next
        }
        if node.next != TimerNodes<Value>.none { nodes[node.next].previous = node.previous }
        if heads[Int(node.slot)] == TimerNodes<Value>.none { markEmpty(node.slot) }
    }

    /// Empties a slot list and returns its first node (the nodes keep their `next` links).
    private mutating func detach(_ slot: Int32) -> Int32 {
        let first = heads[Int(slot)]
        heads[Int(slot)] = TimerNodes<Value>.none
        markEmpty(slot)
        return first
    }

    private mutating func markEmpty(_ slot: Int32) {
        if slot == Self.overflowSlot {
            overflowEarliest = nil
        } else {
            occupied[Int(slot) >> Self.slotBits] &= ~(1 << UInt64(Int(slot) & (Self.slotsPerLevel - 1)))
        }
    }

    private static func slot(level: Int, index: Int) -> Int32 { Int32(level * slotsPerLevel + index) }

    /// Distance from bit `start` to the next set bit of `bits`, wrapping around (bits ≠ 0).
    private static func firstSetBit(_ bits: UInt64, from start: Int) -> Int {
        let rotated = (bits >> UInt64(start)) | (bits << UInt64(64 - start))
        return rotated.trailingZeroBitCount
    }
}
