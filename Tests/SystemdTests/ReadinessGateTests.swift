import Synchronization
import Testing
import Systemd

@Suite("ReadinessGate: READY=1 only when every start-up condition holds")
struct ReadinessGateTests {
    enum Condition: Hashable, Sendable { case store, schedules, api }

    @Test("opens on the last condition, whatever the order, exactly once")
    func anyOrder() {
        for order in [[Condition.api, .store, .schedules], [.schedules, .api, .store], [.store, .schedules, .api]] {
            let opened = Mutex(0)
            let gate = ReadinessGate<Condition>(waitingFor: [.store, .schedules, .api]) { opened.withLock { $0 += 1 } }
            for (index, condition) in order.enumerated() {
                #expect(opened.withLock { $0 } == 0)
                gate.satisfy(condition)
                #expect(gate.pending.count == 2 - index)
            }
            gate.satisfy(.store)
            #expect(opened.withLock { $0 } == 1)
            #expect(gate.isOpen)
        }
    }

    @Test("concurrent conditions open the gate once")
    func concurrent() async {
        let opened = Mutex(0)
        let gate = ReadinessGate<Int>(waitingFor: Set(0..<200)) { opened.withLock { $0 += 1 } }
        await withTaskGroup(of: Void.self) { group in
            for condition in 0..<200 { group.addTask { gate.satisfy(condition) } }
        }
        #expect(opened.withLock { $0 } == 1)
    }

    @Test("a gate with no conditions is open at once")
    func empty() {
        let opened = Mutex(false)
        let gate = ReadinessGate<Condition>(waitingFor: []) { opened.withLock { $0 = true } }
        #expect(gate.isOpen && opened.withLock { $0 })
    }
}
