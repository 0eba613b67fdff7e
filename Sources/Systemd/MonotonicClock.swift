import Glibc

/// CLOCK_MONOTONIC, the clock systemd compares `MONOTONIC_USEC=` with.
enum MonotonicClock {
    /// Microseconds since an arbitrary start (boot).
    static func microseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return UInt64(time.tv_sec) * 1_000_000 + UInt64(time.tv_nsec) / 1_000
    }
}
