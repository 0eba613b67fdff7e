import Foundation
import Pipelines

/// How one batch field is laid out in Parquet: its schema element (physical type, logical
/// type, legacy converted type) and the physical kind that encodes its cells.
struct ColumnLayout {
    let element: SchemaElement
    private let makeWriter: (PageLimits, ParquetCompression, any PageCompressor) -> AnyColumnChunkWriter

    init(field: Field) {
        var element = SchemaElement(name: field.name, repetition: .optional)
        func annotate(_ logical: LogicalType?, _ converted: ConvertedType?) {
            element.logicalType = logical
            element.convertedType = converted
        }
        switch field.type {
        case .bool:
            self.init(element, BooleanKind(), field)
        case .int16:
            annotate(.integer(bitWidth: 16, signed: true), .int16)
            self.init(element, IntegerKind<Int16, Int32>(), field)
        case .int32:
            annotate(.integer(bitWidth: 32, signed: true), .int32)
            self.init(element, IntegerKind<Int32, Int32>(), field)
        case .int64:
            annotate(.integer(bitWidth: 64, signed: true), .int64)
            self.init(element, IntegerKind<Int64, Int64>(), field)
        case .float32: self.init(element, FloatingKind<Float>(), field)
        case .float64: self.init(element, FloatingKind<Double>(), field)
        case .decimal(let precision, let scale):
            annotate(.decimal(precision: Int32(precision), scale: Int32(scale)), .decimal)
            element.precision = Int32(precision)
            element.scale = Int32(scale)
            if precision <= 9 {
                self.init(element, IntegerKind<Int128, Int32>(), field)
            } else if precision <= 18 {
                self.init(element, IntegerKind<Int128, Int64>(), field)
            } else {
                let kind = DecimalBytesKind(precision: precision)
                element.typeLength = Int32(kind.byteWidth)
                self.init(element, kind, field)
            }
        case .string:
            annotate(.string, .utf8)
            self.init(element, ByteArrayKind(), field)
        case .json:
            annotate(.json, .json)
            self.init(element, ByteArrayKind(), field)
        case .bytes: self.init(element, ByteArrayKind(), field)
        case .date:
            annotate(.date, .date)
            self.init(element, IntegerKind<Int32, Int32>(), field)
        case .timestamp:
            // No converted type: TIMESTAMP_MICROS means "adjusted to UTC" to older readers.
            annotate(.timestamp(adjustedToUTC: false), nil)
            self.init(element, IntegerKind<Int64, Int64>(), field)
        case .timestamptz:
            annotate(.timestamp(adjustedToUTC: true), .timestampMicros)
            self.init(element, IntegerKind<Int64, Int64>(), field)
        case .uuid:
            annotate(.uuid, nil)
            element.typeLength = 16
            self.init(element, UUIDKind(), field)
        }
    }

    private init<Kind: PhysicalKind>(_ element: SchemaElement, _ kind: Kind, _ field: Field) {
        var element = element
        element.physicalType = kind.physicalType
        self.element = element
        makeWriter = { limits, compression, compressor in
            AnyColumnChunkWriter(
                ColumnChunkWriter(kind: kind, path: field.name, limits: limits, compression: compression, compressor: compressor))
        }
    }

    /// A writer for this column's chunks.
    func writer(limits: PageLimits, compression: ParquetCompression, compressor: any PageCompressor) -> AnyColumnChunkWriter {
        makeWriter(limits, compression, compressor)
    }
}
