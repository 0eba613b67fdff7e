import Pipelines

/// The distinct values of a column chunk in first-seen order, each with its dictionary index.
protocol DictionaryMemo {
    associatedtype Value
    init()
    var count: Int { get }
    /// The index of `value`, adding it when new.
    mutating func insert(_ value: Value) -> (index: UInt32, isNew: Bool)
    /// Appends the dictionary page body: every value PLAIN-encoded, in index order.
    func appendPlain<Kind: PhysicalKind>(with kind: Kind, to output: inout [UInt8]) where Kind.Value == Value
}

/// A dictionary of fixed-width values on a Swift hash table.
struct HashMemo<Value: Hashable>: DictionaryMemo {
    private var indices: [Value: UInt32] = [:]
    private var values: [Value] = []

    init() {}

    var count: Int { values.count }

    mutating func insert(_ value: Value) -> (index: UInt32, isNew: Bool) {
        let next = UInt32(values.count)
        let index = indices[value, default: next]
        guard index == next else { return (index, false) }
        indices[value] = next
        values.append(value)
        return (next, true)
    }

    func appendPlain<Kind: PhysicalKind>(with kind: Kind, to output: inout [UInt8]) where Kind.Value == Value {
        kind.appendPlain(values, to: &output)
    }
}

/// A dictionary of byte strings that copies each distinct value into one buffer of its own, so
/// it never keeps a batch alive. Open addressing with linear probing over stored hashes.
struct ByteArrayMemo: DictionaryMemo {
    private var storage = VariableBytes()
    private var hashes: [Int] = []
    /// Entry index + 1 per slot; 0 is empty. The count is a power of two.
    private var slots = [UInt32](repeating: 0, count: 1024)

    init() {}

    var count: Int { storage.count }

    mutating func insert(_ value: ArraySlice<UInt8>) -> (index: UInt32, isNew: Bool) {
        let hash = value.withUnsafeBytes { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: bytes)
            return hasher.finalize()
        }
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            let entry = Int(slots[slot] - 1)
            if hashes[entry] == hash, compareUnsigned(storage[entry], value) == 0 { return (UInt32(entry), false) }
            slot = (slot + 1) & mask
        }
        let entry = storage.count
        value.withUnsafeBytes { storage.append($0) }
        hashes.append(hash)
        slots[slot] = UInt32(entry + 1)
        if hashes.count * 2 > slots.count { grow() }
        return (UInt32(entry), true)
    }

    func appendPlain<Kind: PhysicalKind>(with kind: Kind, to output: inout [UInt8]) where Kind.Value == ArraySlice<UInt8> {
        for entry in 0..<storage.count {
            let value = storage[entry]
            withUnsafeBytes(of: UInt32(value.count).littleEndian) { output.append(contentsOf: $0) }
            output.append(contentsOf: value)
        }
    }

    private mutating func grow() {
        slots = [UInt32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (entry, hash) in hashes.enumerated() {
            var slot = hash & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = UInt32(entry + 1)
        }
    }
}
