import Synchronization

/// Sends `READY=1` once every start-up condition holds, whatever order they come in.
///
/// The daemon names its conditions (store migrated, schedules armed, API listening); each part
/// calls ``satisfy(_:)`` when its own condition holds. The last one triggers `onReady`, exactly
/// once; later calls are ignored.
public final class ReadinessGate<Condition: Hashable & Sendable>: Sendable {
    private enum State {
        case waiting(pending: Set<Condition>)
        case open
    }

    private let state: Mutex<State>
    private let onReady: @Sendable () -> Void

    /// A gate waiting for `conditions`; `onReady` runs when the last one is satisfied (at once when
    /// `conditions` is empty).
    public init(waitingFor conditions: Set<Condition>, onReady: @escaping @Sendable () -> Void) {
        self.onReady = onReady
        state = Mutex(.waiting(pending: conditions))
        if conditions.isEmpty { open() }
    }

    /// Marks `condition` as holding; opens the gate when it was the last one.
    public func satisfy(_ condition: Condition) {
        let opens = state.withLock { state -> Bool in
            guard case .waiting(var pending) = state else { return false }
            pending.remove(condition)
            state = pending.isEmpty ? .open : .waiting(pending: pending)
            return pending.isEmpty
        }
        if opens { onReady() }
    }

    /// The conditions still awaited (empty once open).
    public var pending: Set<Condition> {
        state.withLock { state in
            if case .waiting(let pending) = state { return pending }
            return []
        }
    }

    /// Whether every condition held and `onReady` ran.
    public var isOpen: Bool { pending.isEmpty }

    private func open() {
        state.withLock { $0 = .open }
        onReady()
    }
}
