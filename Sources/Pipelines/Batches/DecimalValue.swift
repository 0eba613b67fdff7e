/// An exact decimal number: `units / 10^scale`, as PostgreSQL `numeric(p,s)` values travel.
public struct DecimalValue: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The number times 10^scale.
    public var units: Int128
    public var scale: Int

    public init(units: Int128, scale: Int) {
        self.units = units
        self.scale = scale
    }

    /// Parses `-12.345` or `12` exactly; nil for anything else (no exponents, at most 38 digits).
    @inlinable
    public init?<Bytes: Collection<UInt8>>(utf8 text: Bytes) {
        var units: Int128 = 0
        var scale = 0
        var negative = false
        var seenPoint = false
        var digits = 0
        var index = text.startIndex
        if index != text.endIndex, text[index] == UInt8(ascii: "-") || text[index] == UInt8(ascii: "+") {
            negative = text[index] == UInt8(ascii: "-")
            index = text.index(after: index)
        }
        while index != text.endIndex {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                guard !seenPoint else { return nil }
                seenPoint = true
            } else if byte >= 48 && byte <= 57 {
                digits += 1
                guard digits <= 38 else { return nil }
                units = units * 10 + Int128(byte - 48)
                if seenPoint { scale += 1 }
            } else {
                return nil
            }
            index = text.index(after: index)
        }
        guard digits > 0 else { return nil }
        self.init(units: negative ? -units : units, scale: scale)
    }

    /// The same number with `newScale` digits after the point, rounding half away from zero;
    /// nil when it does not fit.
    public func rescaled(to newScale: Int) -> DecimalValue? {
        if newScale == scale { return self }
        if newScale > scale {
            let (result, overflow) = units.multipliedReportingOverflow(by: Self.powerOfTen(newScale - scale))
            return overflow ? nil : DecimalValue(units: result, scale: newScale)
        }
        let divisor = Self.powerOfTen(scale - newScale)
        var (quotient, remainder) = units.quotientAndRemainder(dividingBy: divisor)
        if remainder.magnitude * 2 >= divisor.magnitude { quotient += units < 0 ? -1 : 1 }
        return DecimalValue(units: quotient, scale: newScale)
    }

    /// Whether the value fits `precision` digits at its scale.
    public func fits(precision: Int) -> Bool { units.magnitude < Self.powerOfTen(precision).magnitude }

    /// The nearest double.
    public var doubleValue: Double { Double(units) / Double(Self.powerOfTen(scale)) }

    /// The exact value of a double with `scale` digits, when it has at most that many.
    public init?(_ double: Double, scale: Int) {
        guard double.isFinite, abs(double) < 1e30 else { return nil }
        let scaled = (double * Double(Self.powerOfTen(scale))).rounded()
        self.init(units: Int128(scaled), scale: scale)
    }

    public var description: String {
        let magnitude = String(units.magnitude)
        let sign = units < 0 ? "-" : ""
        guard scale > 0 else { return sign + magnitude }
        let padded = String(repeating: "0", count: max(0, scale + 1 - magnitude.count)) + magnitude
        let split = padded.index(padded.endIndex, offsetBy: -scale)
        return sign + padded[..<split] + "." + padded[split...]
    }

    public static func < (lhs: DecimalValue, rhs: DecimalValue) -> Bool {
        let scale = max(lhs.scale, rhs.scale)
        guard let left = lhs.rescaled(to: scale), let right = rhs.rescaled(to: scale) else {
            return lhs.doubleValue < rhs.doubleValue
        }
        return left.units < right.units
    }

    public static func == (lhs: DecimalValue, rhs: DecimalValue) -> Bool { !(lhs < rhs) && !(rhs < lhs) }

    public func hash(into hasher: inout Hasher) {
        // Equal values at different scales must hash alike: hash the value without trailing zeros.
        var units = self.units
        var scale = self.scale
        while scale > 0, units % 10 == 0 {
            units /= 10
            scale -= 1
        }
        hasher.combine(units)
        hasher.combine(scale)
    }

    static func powerOfTen(_ exponent: Int) -> Int128 {
        var result: Int128 = 1
        for _ in 0..<exponent { result *= 10 }
        return result
    }
}
