import Foundation
import Synchronization

/// The one broadcaster of execution events (DESIGN.md): whoever changes an execution publishes
/// here, and the store, the journal and WebSocket clients each read their own subscription.
///
/// A subscription either keeps every event (the store, which must lose nothing) or only the newest
/// `n` when its reader falls behind (a slow WebSocket client must not hold memory hostage).
public final class ExecutionEvents: Sendable {
    /// How a subscription buffers events its reader has not taken yet.
    public enum Buffering: Sendable {
        case unbounded
        case newest(Int)
    }

    private let subscribers = Mutex<[UUID: AsyncStream<ExecutionEvent>.Continuation]>([:])

    public init() {}

    /// A new stream of every event published from now on. It ends when the subscriber's task
    /// stops iterating (or is cancelled), and then the subscription is removed.
    public func subscribe(buffering: Buffering = .unbounded) -> AsyncStream<ExecutionEvent> {
        let id = UUID()
        let policy: AsyncStream<ExecutionEvent>.Continuation.BufferingPolicy =
            switch buffering {
            case .unbounded: .unbounded
            case .newest(let count): .bufferingNewest(count)
            }
        let (stream, continuation) = AsyncStream<ExecutionEvent>.makeStream(bufferingPolicy: policy)
        continuation.onTermination = { [weak self] _ in
            self?.subscribers.withLock { _ = $0.removeValue(forKey: id) }
        }
        subscribers.withLock { $0[id] = continuation }
        return stream
    }

    /// Delivers `event` to every current subscriber.
    public func publish(_ event: ExecutionEvent) {
        let continuations = subscribers.withLock { Array($0.values) }
        for continuation in continuations {
            continuation.yield(event)
        }
    }

    /// Ends every subscription (daemon shutdown).
    public func finish() {
        let continuations = subscribers.withLock { subscribers in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in continuations {
            continuation.finish()
        }
    }

    /// The number of live subscriptions.
    public var subscriberCount: Int { subscribers.withLock { $0.count } }
}
