import SQLiteNIO

/// Serializes all use of the store's single SQLite connection, first come first served.
///
/// An actor alone would not do: its methods interleave at every `await`, and a
/// transaction spans several. The gate hands the connection to one caller at a time
/// (``acquire()``) until that caller ``release()``s it, so a transaction's statements
/// never mix with another task's. ``close()`` takes the connection away for good.
actor ConnectionGate {
    private var connection: SQLiteConnection?
    private var busy = false
    private var waiters: [CheckedContinuation<Void, Never>] = []
    private var head = 0

    init(_ connection: SQLiteConnection) {
        self.connection = connection
    }

    /// Waits for exclusive use of the connection. Every successful call must be paired with ``release()``.
    func acquire() async throws(StoreError) -> SQLiteConnection {
        if busy {
            // Ownership is handed over directly by `release()`: `busy` stays true.
            await withCheckedContinuation { waiters.append($0) }
        } else {
            busy = true
        }
        guard let connection else {
            release()
            throw .closed
        }
        return connection
    }

    /// Hands the connection to the next waiter, or marks it free.
    func release() {
        if head < waiters.count {
            let next = waiters[head]
            head += 1
            if head > 64, head * 2 > waiters.count {
                waiters.removeFirst(head)
                head = 0
            }
            next.resume()
        } else {
            waiters.removeAll(keepingCapacity: true)
            head = 0
            busy = false
        }
    }

    /// Removes the connection (the caller must hold the gate); later acquirers get ``StoreError/closed``.
    func detach() -> SQLiteConnection? {
        defer { connection = nil }
        return connection
    }
}
