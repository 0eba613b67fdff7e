import Dispatch
import Foundation
import Synchronization

/// One OS thread that runs a connection's blocking libpq calls, one job at a time, in the order
/// they were submitted. libpq blocks its caller, so these calls must stay off Swift's small
/// cooperative pool; a connection is used from one thread only, so its state needs no lock.
final class ConnectionThread: Sendable {
    typealias Job = @Sendable () -> Void

    private struct Queue {
        var jobs: [Job] = []
        var stopping = false
    }

    private let queue = Mutex(Queue())
    private let wakeUp = DispatchSemaphore(value: 0)

    init(name: String) {
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Runs `job` on the thread after the jobs already submitted. Ignored after ``stop()``.
    func submit(_ job: @escaping Job) {
        let accepted = queue.withLock { queue in
            guard !queue.stopping else { return false }
            queue.jobs.append(job)
            return true
        }
        if accepted { wakeUp.signal() }
    }

    /// Runs `body` on the thread and returns its result to the awaiting task.
    func run<Result: Sendable>(_ body: @escaping @Sendable () throws(PostgresError) -> Result) async throws(PostgresError) -> Result {
        let outcome: Swift.Result<Result, PostgresError> = await withCheckedContinuation { continuation in
            let accepted = queue.withLock { queue in
                guard !queue.stopping else { return false }
                queue.jobs.append {
                    do throws(PostgresError) {
                        continuation.resume(returning: .success(try body()))
                    } catch {
                        continuation.resume(returning: .failure(error))
                    }
                }
                return true
            }
            if accepted { wakeUp.signal() } else { continuation.resume(returning: .failure(.closed)) }
        }
        return try outcome.get()
    }

    /// Lets the thread finish the jobs already queued, then end.
    func stop() {
        queue.withLock { $0.stopping = true }
        wakeUp.signal()
    }

    private func loop() {
        while true {
            wakeUp.wait()
            let next: Job? = queue.withLock { queue in
                queue.jobs.isEmpty ? nil : queue.jobs.removeFirst()
            }
            if let next {
                next()
                continue
            }
            if queue.withLock({ $0.stopping && $0.jobs.isEmpty }) { return }
        }
    }
}
