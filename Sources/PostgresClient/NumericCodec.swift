/// PostgreSQL's binary `numeric`: `ndigits`, `weight`, `sign`, `dscale` (16 bits each, big
/// endian), then `ndigits` base-10000 digits, the first worth 10000^weight.
enum NumericCodec {
    static let positive: UInt16 = 0x0000
    static let negative: UInt16 = 0x4000
    static let notANumber: UInt16 = 0xC000
    static let plusInfinity: UInt16 = 0xD000
    static let minusInfinity: UInt16 = 0xF000

    /// Powers of ten up to 10^38.
    static let powers: [Int128] = (0...38).reduce(into: []) { table, exponent in
        table.append(exponent == 0 ? 1 : table[exponent - 1] * 10)
    }

    // MARK: Decoding

    /// The value as units at `scale` (for a `numeric(p,s)` column, whose values carry exactly
    /// `scale` fraction digits); nil for NaN and the infinities.
    static func units(_ cell: UnsafeRawBufferPointer, scale: Int) throws(PostgresError) -> Int128? {
        guard cell.count >= 8 else { throw .invalidData("a numeric value is truncated") }
        let count = Int(cell.int16(at: 0))
        let weight = Int(cell.int16(at: 2))
        let sign = UInt16(bitPattern: cell.int16(at: 4))
        guard sign == positive || sign == negative else { return nil }
        guard cell.count >= 8 + count * 2 else { throw .invalidData("a numeric value is truncated") }
        var units: Int128 = 0
        for index in 0..<count {
            let digit = Int128(cell.int16(at: 8 + index * 2))
            let exponent = 4 * (weight - index) + scale
            if exponent >= 0 {
                guard exponent <= 38 else { throw .invalidData("a numeric value exceeds 38 digits") }
                units += digit * powers[exponent]
            } else if exponent > -4 {
                units += digit / powers[-exponent]
            }
        }
        return sign == negative ? -units : units
    }

    /// The value's text as PostgreSQL prints it (`-12.50`, `NaN`, `Infinity`).
    static func text(_ cell: UnsafeRawBufferPointer) throws(PostgresError) -> [UInt8] {
        guard cell.count >= 8 else { throw .invalidData("a numeric value is truncated") }
        let count = Int(cell.int16(at: 0))
        let weight = Int(cell.int16(at: 2))
        let sign = UInt16(bitPattern: cell.int16(at: 4))
        let scale = Int(cell.int16(at: 6))
        guard cell.count >= 8 + count * 2 else { throw .invalidData("a numeric value is truncated") }
        switch sign {
        case notANumber: return Array("NaN".utf8)
        case plusInfinity: return Array("Infinity".utf8)
        case minusInfinity: return Array("-Infinity".utf8)
        default: break
        }
        func digit(_ index: Int) -> Int { index >= 0 && index < count ? Int(cell.int16(at: 8 + index * 2)) : 0 }
        var output: [UInt8] = []
        output.reserveCapacity(count * 4 + 3)
        if sign == negative { output.append(UInt8(ascii: "-")) }
        if weight < 0 {
            output.append(UInt8(ascii: "0"))
        } else {
            for index in 0...weight {
                let group = digit(index)
                if index == 0 {
                    output.append(contentsOf: String(group).utf8)
                } else {
                    appendFour(group, to: &output)
                }
            }
        }
        if scale > 0 {
            output.append(UInt8(ascii: "."))
            let start = output.count
            var index = weight + 1
            while output.count - start < scale {
                appendFour(digit(index), to: &output)
                index += 1
            }
            output.removeLast(output.count - start - scale)
        }
        return output
    }

    private static func appendFour(_ group: Int, to output: inout [UInt8]) {
        output.append(UInt8(group / 1000) + 48)
        output.append(UInt8(group / 100 % 10) + 48)
        output.append(UInt8(group / 10 % 10) + 48)
        output.append(UInt8(group % 10) + 48)
    }

    // MARK: Encoding

    /// Appends the binary value (without its length) of `units / 10^scale`.
    static func append(units: Int128, scale: Int, to output: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { buffer in
            var magnitude = units.magnitude
            var position = 48
            repeat {
                position -= 1
                buffer[position] = UInt8(magnitude % 10) + 48
                magnitude /= 10
            } while magnitude > 0
            // At least one digit before the point.
            while 48 - position <= scale {
                position -= 1
                buffer[position] = 48
            }
            let digits = UnsafeBufferPointer(rebasing: buffer[position...])
            append(negative: units < 0, integer: UnsafeBufferPointer(rebasing: digits.dropLast(scale)),
                fraction: UnsafeBufferPointer(rebasing: digits.suffix(scale)), to: &output)
        }
    }

    /// Appends the binary value of a decimal text (`-12.50`, `7`, `.5`, `NaN`, `Infinity`);
    /// false, with nothing appended, when the text is not one.
    static func append(text: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) -> Bool {
        var start = 0
        var negative = false
        if let first = text.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            start = 1
        }
        let body = UnsafeBufferPointer(rebasing: text[start...])
        let special = String(decoding: body, as: UTF8.self).lowercased()
        if body.count <= 8, ["nan", "infinity", "inf"].contains(special) {
            let sign = special == "nan" ? notANumber : negative ? minusInfinity : plusInfinity
            guard special != "nan" || start == 0 else { return false }
            appendHeader(count: 0, weight: 0, sign: sign, scale: 0, to: &output)
            return true
        }
        let point = body.firstIndex(of: UInt8(ascii: ".")) ?? body.endIndex
        let integer = UnsafeBufferPointer(rebasing: body[..<point])
        let fraction = UnsafeBufferPointer(rebasing: body[(point == body.endIndex ? point : point + 1)...])
        guard integer.count + fraction.count > 0, integer.allSatisfy(isDigit), fraction.allSatisfy(isDigit) else { return false }
        append(negative: negative, integer: integer, fraction: fraction, to: &output)
        return true
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// Groups ASCII digits into base-10000 digits aligned on the point and appends the value.
    private static func append(negative: Bool, integer: UnsafeBufferPointer<UInt8>, fraction: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        let integerGroups = (integer.count + 3) / 4
        let fractionGroups = (fraction.count + 3) / 4
        withUnsafeTemporaryAllocation(of: Int16.self, capacity: integerGroups + fractionGroups) { groups in
            // Integer digits fill groups from the right; fraction digits from the left.
            for group in 0..<integerGroups {
                var value = 0
                let end = integer.count - (integerGroups - 1 - group) * 4
                for index in max(0, end - 4)..<end { value = value * 10 + Int(integer[index] - 48) }
                groups[group] = Int16(value)
            }
            for group in 0..<fractionGroups {
                var value = 0
                for index in group * 4..<group * 4 + 4 { value = value * 10 + (index < fraction.count ? Int(fraction[index] - 48) : 0) }
                groups[integerGroups + group] = Int16(value)
            }
            var first = 0
            var end = integerGroups + fractionGroups
            while first < end, groups[first] == 0 { first += 1 }
            while end > first, groups[end - 1] == 0 { end -= 1 }
            let weight = first == end ? 0 : integerGroups - 1 - first
            let sign = negative && first < end ? NumericCodec.negative : positive
            appendHeader(count: end - first, weight: weight, sign: sign, scale: fraction.count, to: &output)
            for index in first..<end { output.appendInt16(groups[index]) }
        }
    }

    private static func appendHeader(count: Int, weight: Int, sign: UInt16, scale: Int, to output: inout [UInt8]) {
        output.appendInt16(Int16(count))
        output.appendInt16(Int16(weight))
        output.appendInt16(Int16(bitPattern: sign))
        output.appendInt16(Int16(scale))
    }
}
