import Foundation
import Testing

@testable import Store

@Suite("UUID text")
struct UUIDTextTests {
    @Test("format is Foundation's spelling in lowercase; parse reads both cases and refuses other shapes")
    func roundTrip() {
        for _ in 0..<1000 {
            let id = UUID()
            let text = UUIDText.format(id)
            #expect(text == id.uuidString.lowercased())
            #expect(UUIDText.parse(text) == id)
            #expect(UUIDText.parse(id.uuidString) == id)
        }
        for bad in ["", "not-a-uuid", "0a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11", "a0eebc99x9c0b-4ef8-bb6d-6bb9bd380a11",
                    "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a1g", "é0eebc9-9c0b-4ef8-bb6d-6bb9bd380a11"] {
            #expect(UUIDText.parse(bad) == nil, "\(bad)")
        }
    }
}
