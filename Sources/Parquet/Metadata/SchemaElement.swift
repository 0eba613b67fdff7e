/// One node of the flattened schema tree: the root (with `childCount`) or a leaf column.
struct SchemaElement: Sendable {
    var name: String
    var physicalType: PhysicalType?
    var typeLength: Int32?
    var repetition: FieldRepetition?
    var childCount: Int32?
    var convertedType: ConvertedType?
    var scale: Int32?
    var precision: Int32?
    var logicalType: LogicalType?

    func encode(into writer: inout CompactProtocolWriter) {
        if let physicalType { writer.i32(1, physicalType.rawValue) }
        if let typeLength { writer.i32(2, typeLength) }
        if let repetition { writer.i32(3, repetition.rawValue) }
        writer.string(4, name)
        if let childCount { writer.i32(5, childCount) }
        if let convertedType { writer.i32(6, convertedType.rawValue) }
        if let scale { writer.i32(7, scale) }
        if let precision { writer.i32(8, precision) }
        if let logicalType { writer.structField(10) { logicalType.encode(into: &$0) } }
    }
}
