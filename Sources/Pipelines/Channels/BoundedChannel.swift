import Synchronization

/// An async channel holding at most `capacity` elements: a sender waits while it is full, so a
/// fast producer can never run ahead of a slow consumer by more than `capacity` batches — this
/// is what keeps a pipeline's memory flat however large its input.
///
/// Any number of senders, one receiver. The receiver may stop early (``stopReceiving()``, e.g.
/// `limit` has its rows): sends are then dropped and report `false`. ``cancel()`` (or cancelling
/// a waiting task) wakes everyone with `CancellationError`; the runtime uses it to stop a whole
/// pipeline promptly.
public final class BoundedChannel<Element: Sendable>: Sendable {
    private struct State {
        var buffer: [Element] = []
        var waitingSenders: [(element: Element, continuation: CheckedContinuation<Bool, any Error>)] = []
        var waitingReceiver: CheckedContinuation<Element?, any Error>?
        var finished = false
        var receiverStopped = false
        var cancelled = false
    }

    private enum SendAction {
        case resume(Result<Bool, any Error>)
        case deliver(CheckedContinuation<Element?, any Error>)
        case wait
    }

    public let capacity: Int
    private let state = Mutex(State())

    public init(capacity: Int) {
        precondition(capacity > 0, "a channel holds at least one element")
        self.capacity = capacity
    }

    /// Delivers `element`, waiting while the channel is full. Returns false when the receiver
    /// has stopped (the element is dropped); throws `CancellationError` when cancelled.
    @discardableResult
    public func send(_ element: Element) async throws -> Bool {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Bool, any Error>) in
                let action: SendAction = state.withLock { state in
                    if state.cancelled { return .resume(.failure(CancellationError())) }
                    if state.receiverStopped || state.finished { return .resume(.success(false)) }
                    if let receiver = state.waitingReceiver {
                        state.waitingReceiver = nil
                        return .deliver(receiver)
                    }
                    if state.buffer.count < capacity {
                        state.buffer.append(element)
                        return .resume(.success(true))
                    }
                    state.waitingSenders.append((element, continuation))
                    return .wait
                }
                switch action {
                case .resume(let result): continuation.resume(with: result)
                case .deliver(let receiver):
                    receiver.resume(returning: element)
                    continuation.resume(returning: true)
                case .wait: break
                }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The next element, waiting while the channel is empty; nil once the senders have
    /// finished and everything was taken. Throws `CancellationError` when cancelled.
    public func receive() async throws -> Element? {
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Element?, any Error>) in
                let result: Result<Element?, any Error>? = state.withLock { state in
                    if state.cancelled { return .failure(CancellationError()) }
                    if !state.buffer.isEmpty {
                        let element = state.buffer.removeFirst()
                        if !state.waitingSenders.isEmpty {
                            let sender = state.waitingSenders.removeFirst()
                            state.buffer.append(sender.element)
                            sender.continuation.resume(returning: true)
                        }
                        return .success(element)
                    }
                    if !state.waitingSenders.isEmpty {
                        let sender = state.waitingSenders.removeFirst()
                        sender.continuation.resume(returning: true)
                        return .success(sender.element)
                    }
                    if state.finished { return .success(nil) }
                    state.waitingReceiver = continuation
                    return nil
                }
                if let result { continuation.resume(with: result) }
            }
        } onCancel: {
            cancel()
        }
    }

    /// The senders are done: the receiver gets what is buffered, then nil.
    public func finish() {
        let receiver = state.withLock { state -> CheckedContinuation<Element?, any Error>? in
            state.finished = true
            defer { state.waitingReceiver = nil }
            return state.buffer.isEmpty ? state.waitingReceiver : nil
        }
        receiver?.resume(returning: nil)
    }

    /// The receiver wants nothing more: buffered and future elements are dropped.
    public func stopReceiving() {
        let senders = state.withLock { state in
            state.receiverStopped = true
            state.buffer.removeAll()
            defer { state.waitingSenders.removeAll() }
            return state.waitingSenders.map(\.continuation)
        }
        for sender in senders { sender.resume(returning: false) }
    }

    /// Wakes every waiter with `CancellationError`; later calls throw it too.
    public func cancel() {
        let (senders, receiver) = state.withLock { state in
            state.cancelled = true
            state.buffer.removeAll()
            defer {
                state.waitingSenders.removeAll()
                state.waitingReceiver = nil
            }
            return (state.waitingSenders.map(\.continuation), state.waitingReceiver)
        }
        for sender in senders { sender.resume(throwing: CancellationError()) }
        receiver?.resume(throwing: CancellationError())
    }
}
