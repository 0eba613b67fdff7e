import Foundation
import Synchronization

/// What every node of one run shares: the event sink, progress, quarantine location, the
/// loaders' totals and their pending commits.
final class RunShared: Sendable {
    struct Commit: Sendable {
        var nodeID: String
        var commit: @Sendable () async throws -> Void
        var rollback: @Sendable () -> Void
    }

    let reference: ExecutionReference
    let events: ExecutionEvents
    let progress: ProgressTracker
    let quarantineDirectory: String
    private let totals = Mutex((rows: Int64(0), bytes: Int64(0)))
    private let commits = Mutex([Commit]())
    private let savedState = Mutex([String: [String: JSONValue]]())

    init(reference: ExecutionReference, events: ExecutionEvents, progress: ProgressTracker, quarantineRoot: String) {
        self.reference = reference
        self.events = events
        self.progress = progress
        quarantineDirectory = quarantineRoot + "/" + reference.executionID.uuidString.lowercased()
    }

    func quarantinePath(nodeID: String) -> String {
        // Node ids are free text: keep the file name to safe characters.
        let safe = String(nodeID.map { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" ? $0 : "_" })
        return quarantineDirectory + "/" + safe + ".jsonl"
    }

    func addLoaded(rows: Int64, bytes: Int64) {
        totals.withLock {
            $0.rows += rows
            $0.bytes += bytes
        }
    }

    var loaded: (rows: Int64, bytes: Int64) { totals.withLock { $0 } }

    func saveState(nodeID: String, key: String, value: JSONValue) {
        savedState.withLock { $0[nodeID, default: [:]][key] = value }
    }

    var nodeState: [String: [String: JSONValue]] { savedState.withLock { $0 } }

    func addCommit(nodeID: String, commit: @escaping @Sendable () async throws -> Void, rollback: @escaping @Sendable () -> Void) {
        commits.withLock { $0.append(Commit(nodeID: nodeID, commit: commit, rollback: rollback)) }
    }

    /// Runs every commit; on the first failure, rolls back the rest and throws it.
    func commitAll() async throws(PipelineRunError) {
        let pending = commits.withLock { commits in
            defer { commits.removeAll() }
            return commits
        }
        for (index, entry) in pending.enumerated() {
            do {
                try await entry.commit()
            } catch {
                for later in pending[(index + 1)...] { later.rollback() }
                throw PipelineRunError(nodeID: entry.nodeID, message: "could not commit output: \(error)")
            }
        }
    }

    /// Undoes every pending commit (the run failed or was cancelled).
    func rollbackAll() {
        let pending = commits.withLock { commits in
            defer { commits.removeAll() }
            return commits
        }
        for entry in pending { entry.rollback() }
    }
}
