/// The timers of a ``TimerWheel``: one flat array of fixed-size nodes addressed by 32-bit
/// indices, so that a timer costs one node (no per-timer heap object, no reference counting),
/// with intrusive doubly linked lists threading the nodes of each wheel slot and a free list
/// threading the unused ones.
struct TimerNodes<Value> {
    /// "No node" in a link.
    static var none: Int32 { -1 }

    struct Node {
        /// Due second (Unix time).
        var deadline: Int64
        var previous: Int32
        var next: Int32
        /// The slot list the node is on (see ``TimerWheel``), or `TimerNodes.none` when free.
        var slot: Int32
        /// Bumped every time the node is freed, so stale handles do not match.
        var generation: UInt32
        /// Nil only while the node is free.
        var value: Value?
    }

    private(set) var nodes: [Node] = []
    private var firstFree: Int32 = none
    private(set) var count = 0

    subscript(index: Int32) -> Node {
        _read { yield nodes[Int(index)] }
        _modify { yield &nodes[Int(index)] }
    }

    /// Takes a free node (or grows the array) and fills it; the node is on no list yet.
    mutating func allocate(deadline: Int64, value: Value) -> Int32 {
        count += 1
        if firstFree != Self.none {
            let index = firstFree
            firstFree = nodes[Int(index)].next
            nodes[Int(index)].deadline = deadline
            nodes[Int(index)].value = value
            return index
        }
        precondition(nodes.count < Int(Int32.max), "TimerWheel holds at most Int32.max timers")
        nodes.append(Node(deadline: deadline, previous: Self.none, next: Self.none, slot: Self.none, generation: 0, value: value))
        return Int32(nodes.count - 1)
    }

    /// Returns a node (already unlinked from its slot) to the free list and hands back its value.
    mutating func free(_ index: Int32) -> Value {
        count -= 1
        let value = nodes[Int(index)].value.take()!
        nodes[Int(index)].generation &+= 1
        nodes[Int(index)].slot = Self.none
        nodes[Int(index)].previous = Self.none
        nodes[Int(index)].next = firstFree
        firstFree = index
        return value
    }

    /// Whether `handle` still names a live timer.
    func isLive(_ handle: TimerHandle) -> Bool {
        handle.index >= 0 && Int(handle.index) < nodes.count && nodes[Int(handle.index)].generation == handle.generation
            && nodes[Int(handle.index)].slot != Self.none
    }

    /// Bytes the node storage reserves (capacity × stride): what the benchmark divides by the timer count.
    var reservedBytes: Int { nodes.capacity * MemoryLayout<Node>.stride }
}
