/// Where one field of a record lies in the read buffer.
struct CSVField {
    var start: Int
    var end: Int
    /// The field was quoted and contains doubled quotes to unescape.
    var hasEscapes: Bool
}

/// Splits CSV bytes into records and fields (RFC 4180: quoted fields may hold delimiters,
/// doubled quotes and line breaks; `\r\n` and `\n` both end a record). Works on raw bytes,
/// without copying or decoding.
struct CSVRecordParser {
    var delimiter: UInt8
    var quote: UInt8

    /// Parses the record starting at `offset` into `fields` (cleared first). Returns the offset
    /// after the record, or nil when the record is not complete in `bytes` and more input may
    /// come (`atEnd` false).
    func record(_ bytes: UnsafeBufferPointer<UInt8>, from offset: Int, atEnd: Bool, fields: inout [CSVField]) -> Int? {
        fields.removeAll(keepingCapacity: true)
        let count = bytes.count
        var index = offset
        let newline = UInt8(ascii: "\n")
        let carriageReturn = UInt8(ascii: "\r")
        while true {
            if index < count, bytes[index] == quote {
                // Quoted field.
                var cursor = index + 1
                var hasEscapes = false
                while true {
                    guard cursor < count else { return atEnd ? finishQuoted() : nil }
                    if bytes[cursor] == quote {
                        if cursor + 1 < count, bytes[cursor + 1] == quote {
                            hasEscapes = true
                            cursor += 2
                            continue
                        }
                        if cursor + 1 >= count, !atEnd { return nil }
                        break
                    }
                    cursor += 1
                }
                fields.append(CSVField(start: index + 1, end: cursor, hasEscapes: hasEscapes))
                index = cursor + 1
                // Skip anything between the closing quote and the separator (lenient).
                while index < count, bytes[index] != delimiter, bytes[index] != newline { index += 1 }
                func finishQuoted() -> Int? {
                    fields.append(CSVField(start: index + 1, end: count, hasEscapes: hasEscapes))
                    return count
                }
            } else {
                var cursor = index
                while cursor < count {
                    let byte = bytes[cursor]
                    if byte == delimiter || byte == newline { break }
                    cursor += 1
                }
                if cursor == count, !atEnd { return nil }
                var fieldEnd = cursor
                if fieldEnd > index, bytes[fieldEnd - 1] == carriageReturn, cursor == count || bytes[cursor] == newline { fieldEnd -= 1 }
                fields.append(CSVField(start: index, end: fieldEnd, hasEscapes: false))
                index = cursor
            }
            if index >= count { return count }
            if bytes[index] == delimiter {
                index += 1
                if index == count, atEnd {
                    fields.append(CSVField(start: index, end: index, hasEscapes: false))
                    return count
                }
                continue
            }
            // A newline ends the record; drop a `\r` left after a quoted field.
            return index + 1
        }
    }

    /// Copies a quoted field's bytes with doubled quotes made single.
    func unescaped(_ bytes: UnsafeBufferPointer<UInt8>, _ field: CSVField, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        var index = field.start
        while index < field.end {
            let byte = bytes[index]
            scratch.append(byte)
            index += byte == quote && index + 1 < field.end && bytes[index + 1] == quote ? 2 : 1
        }
    }
}
