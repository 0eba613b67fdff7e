import Foundation
import Testing

@testable import Scheduling

@Suite("Timer wheel")
struct TimerWheelTests {
    /// A deterministic generator, so a failure replays.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test("every timer fires at its own second, from 1 s to 40 years ahead (all levels and the overflow list)")
    func exactExpiry() {
        var random = SplitMix(state: 42)
        let start: Int64 = 1_742_774_400
        var wheel = TimerWheel<Int64>(start: start)
        var deadlines: [Int64] = []
        for _ in 0..<20_000 {
            let horizon = [Int64(64), 4_096, 262_144, 16_777_216, 1_300_000_000].randomElement(using: &random)!
            let deadline = start + Int64.random(in: 0...horizon, using: &random)
            deadlines.append(deadline)
            wheel.schedule(deadline, at: deadline)
        }
        var fired = 0
        var now = start - 1
        // Jump to each wake-up: the loop never ticks through empty seconds.
        while let next = wheel.nextWakeup {
            #expect(next > now)
            now = next
            for timer in wheel.advance(to: now) {
                #expect(timer.value == now, "timer due \(timer.value) fired at \(now)")
                #expect(timer.deadline == timer.value)
                fired += 1
            }
        }
        #expect(fired == deadlines.count)
        #expect(wheel.isEmpty)
    }

    @Test("advancing in coarse jumps fires each timer once, at the first advance past its deadline")
    func coarseJumps() {
        var random = SplitMix(state: 7)
        let start: Int64 = 0
        var wheel = TimerWheel<Int64>(start: start)
        for _ in 0..<5_000 {
            let deadline = Int64.random(in: 0...10_000_000, using: &random)
            wheel.schedule(deadline, at: deadline)
        }
        var previous: Int64 = -1
        var fired = 0
        while !wheel.isEmpty {
            let now = previous + Int64.random(in: 1...200_000, using: &random)
            for timer in wheel.advance(to: now) {
                #expect(timer.value > previous && timer.value <= now)
                fired += 1
            }
            previous = now
        }
        #expect(fired == 5_000)
    }

    @Test("cancel is O(1), returns the value once, and stale handles are ignored")
    func cancel() {
        var wheel = TimerWheel<String>(start: 100)
        let a = wheel.schedule("a", at: 150)
        let b = wheel.schedule("b", at: 10_000)
        let c = wheel.schedule("c", at: 150)
        #expect(wheel.cancel(a) == "a")
        #expect(wheel.cancel(a) == nil)
        #expect(wheel.deadline(of: b) == 10_000)
        #expect(wheel.cancel(b) == "b")
        // The freed node is reused; the old handle must not cancel the new timer.
        let d = wheel.schedule("d", at: 200)
        #expect(wheel.cancel(b) == nil)
        #expect(wheel.advance(to: 1_000).map(\.value).sorted() == ["c", "d"])
        #expect(wheel.cancel(c) == nil)
        #expect(wheel.cancel(d) == nil)
        #expect(wheel.nextWakeup == nil)
    }

    @Test("an idle wheel wakes only at coarse cascade points: a timer a year away costs at most 5 wake-ups")
    func idleWakeups() {
        var wheel = TimerWheel<Int>(start: 1_000)
        let deadline: Int64 = 1_000 + 365 * 86_400 + 17
        wheel.schedule(1, at: deadline)
        var wakeUps = 0
        var fired: [Int64] = []
        while let next = wheel.nextWakeup {
            wakeUps += 1
            fired += wheel.advance(to: next).map(\.deadline)
        }
        #expect(fired == [deadline])
        #expect(wakeUps <= 5)
    }

    @Test("a deadline already past fires at the next advance")
    func overdue() {
        var wheel = TimerWheel<Int>(start: 5_000)
        wheel.schedule(1, at: 10)
        #expect(wheel.nextWakeup == 5_000)
        #expect(wheel.advance(to: 5_000).map(\.value) == [1])
    }

    @Test("a timer costs at most 64 bytes of storage")
    func bytesPerTimer() {
        var wheel = TimerWheel<UUID>(start: 0)
        for index in 0..<100_000 { wheel.schedule(UUID(), at: Int64(index)) }
        #expect(wheel.storageBytes / wheel.count <= 64)
    }
}
