import Synchronization

/// Overall progress of a run, 0–100: finished nodes count whole, running extractors count the
/// fraction of their source they have read. Publishes only when the percentage moves or the
/// current node changes.
final class ProgressTracker: Sendable {
    private struct State {
        var finished = 0
        var partial: [String: Double] = [:]
        var running: [String] = []
        var lastPercent = -1
        var lastNode: String?
    }

    private let total: Int
    private let reference: ExecutionReference
    private let events: ExecutionEvents
    private let state = Mutex(State())

    init(total: Int, reference: ExecutionReference, events: ExecutionEvents) {
        self.total = max(total, 1)
        self.reference = reference
        self.events = events
    }

    func started(_ nodeID: String) {
        update { state in
            state.running.append(nodeID)
            return nodeID
        }
    }

    func advanced(_ nodeID: String, fraction: Double) {
        update { state in
            state.partial[nodeID] = min(max(fraction, 0), 1)
            return nodeID
        }
    }

    func finished(_ nodeID: String) {
        update { state in
            state.finished += 1
            state.partial[nodeID] = nil
            state.running.removeAll { $0 == nodeID }
            return state.running.first
        }
    }

    private func update(_ change: (inout State) -> String?) {
        let event: ExecutionEvent? = state.withLock { state in
            let current = change(&state)
            let done = Double(state.finished) + state.partial.values.reduce(0, +)
            let percent = min(100, Int(done / Double(total) * 100))
            guard percent != state.lastPercent || current != state.lastNode else { return nil }
            state.lastPercent = percent
            state.lastNode = current
            return .progress(reference, percent: percent, currentNodeID: current)
        }
        if let event { events.publish(event) }
    }
}
