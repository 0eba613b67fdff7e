/// Writes Thrift compact-protocol structs (the encoding of Parquet's metadata): varints,
/// zigzag integers, field headers as deltas from the previous field id, and list headers.
///
/// A struct is written as ``beginStruct()``, its fields in increasing id order, ``endStruct()``.
/// Optional fields are simply left out.
struct CompactProtocolWriter {
    /// The compact protocol's type codes.
    enum FieldType: UInt8 {
        case booleanTrue = 1, booleanFalse = 2, byte = 3, i16 = 4, i32 = 5, i64 = 6, double = 7, binary = 8, list = 9
        case set = 10, map = 11, structure = 12
    }

    private(set) var bytes: [UInt8] = []
    private var lastFieldID: Int16 = 0
    private var enclosingFieldIDs: [Int16] = []

    init() { bytes.reserveCapacity(256) }

    mutating func beginStruct() {
        enclosingFieldIDs.append(lastFieldID)
        lastFieldID = 0
    }

    mutating func endStruct() {
        bytes.append(0)
        lastFieldID = enclosingFieldIDs.removeLast()
    }

    mutating func fieldHeader(_ id: Int16, _ type: FieldType) {
        let delta = id - lastFieldID
        if delta > 0 && delta <= 15 {
            bytes.append(UInt8(delta) << 4 | type.rawValue)
        } else {
            bytes.append(type.rawValue)
            varint(UInt64(zigzag(Int64(id))))
        }
        lastFieldID = id
    }

    mutating func bool(_ id: Int16, _ value: Bool) { fieldHeader(id, value ? .booleanTrue : .booleanFalse) }

    mutating func i8(_ id: Int16, _ value: Int8) {
        fieldHeader(id, .byte)
        bytes.append(UInt8(bitPattern: value))
    }

    mutating func i16(_ id: Int16, _ value: Int16) {
        fieldHeader(id, .i16)
        varint(zigzag(Int64(value)))
    }

    mutating func i32(_ id: Int16, _ value: Int32) {
        fieldHeader(id, .i32)
        varint(zigzag(Int64(value)))
    }

    mutating func i64(_ id: Int16, _ value: Int64) {
        fieldHeader(id, .i64)
        varint(zigzag(value))
    }

    mutating func binary(_ id: Int16, _ value: some Collection<UInt8>) {
        fieldHeader(id, .binary)
        binaryValue(value)
    }

    mutating func string(_ id: Int16, _ value: String) { binary(id, Array(value.utf8)) }

    /// A struct field: the header, then `body` writes the nested struct's fields.
    mutating func structField(_ id: Int16, _ body: (inout CompactProtocolWriter) -> Void) {
        fieldHeader(id, .structure)
        beginStruct()
        body(&self)
        endStruct()
    }

    /// A list field of `count` elements of `elementType`; `body` writes the elements.
    mutating func listField(_ id: Int16, _ elementType: FieldType, count: Int, _ body: (inout CompactProtocolWriter) -> Void) {
        fieldHeader(id, .list)
        if count < 15 {
            bytes.append(UInt8(count) << 4 | elementType.rawValue)
        } else {
            bytes.append(0xF0 | elementType.rawValue)
            varint(UInt64(count))
        }
        body(&self)
    }

    /// A list of structs, each written by `element`.
    mutating func structList<Element>(_ id: Int16, _ elements: [Element], _ element: (inout CompactProtocolWriter, Element) -> Void) {
        listField(id, .structure, count: elements.count) { writer in
            for item in elements {
                writer.beginStruct()
                element(&writer, item)
                writer.endStruct()
            }
        }
    }

    /// A list of i32 (Parquet enums).
    mutating func i32List(_ id: Int16, _ values: [Int32]) {
        listField(id, .i32, count: values.count) { writer in
            for value in values { writer.varint(writer.zigzag(Int64(value))) }
        }
    }

    mutating func stringList(_ id: Int16, _ values: [String]) {
        listField(id, .binary, count: values.count) { writer in
            for value in values { writer.binaryValue(Array(value.utf8)) }
        }
    }

    private mutating func binaryValue(_ value: some Collection<UInt8>) {
        varint(UInt64(value.count))
        bytes.append(contentsOf: value)
    }

    mutating func varint(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    func zigzag(_ value: Int64) -> UInt64 { UInt64(bitPattern: (value << 1) ^ (value >> 63)) }
}
