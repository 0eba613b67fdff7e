import Foundation

/// Why a `${…}` template cannot be expanded.
public struct TemplateError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        case missingParameter(String)
        case unknownVariable(String)
        case unterminated
    }

    public var reason: Reason

    public init(reason: Reason) { self.reason = reason }

    public var description: String {
        switch reason {
        case .missingParameter(let name): "parameter \(name) has no value and no default"
        case .unknownVariable(let name):
            "unknown template variable ${\(name)}; use ${params.NAME}, ${execution.id} or ${execution.scheduled_for:FORMAT}"
        case .unterminated: "a ${ is not closed by }"
        }
    }
}

/// `${params.name}`, `${execution.id}` and `${execution.scheduled_for:yyyy-MM-dd}` in paths and
/// names. These are text substitutions, so they are applied only to non-code config strings.
public enum TemplateString {
    /// One `${…}` reference.
    public enum Reference: Sendable, Hashable {
        case parameter(String)
        case executionID
        /// A date pattern in `yyyy yy MM dd HH mm ss` tokens; nil for ISO 8601.
        case scheduledFor(format: String?)
    }

    /// The references in `text`, or the first malformed one.
    public static func references(in text: String) throws(TemplateError) -> [Reference] {
        var references: [Reference] = []
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { throw TemplateError(reason: .unterminated) }
            references.append(try reference(String(rest[start.upperBound..<end])))
            rest = rest[rest.index(after: end)...]
        }
        return references
    }

    /// `text` with every reference replaced.
    public static func expand(_ text: String, scope: ParameterScope) throws(TemplateError) -> String {
        guard text.contains("${") else { return text }
        var result = ""
        var rest = Substring(text)
        while let start = rest.range(of: "${") {
            guard let end = rest[start.upperBound...].firstIndex(of: "}") else { throw TemplateError(reason: .unterminated) }
            result += rest[..<start.lowerBound]
            switch try reference(String(rest[start.upperBound..<end])) {
            case .parameter(let name):
                guard let value = scope.text(of: name) else { throw TemplateError(reason: .missingParameter(name)) }
                result += value
            case .executionID: result += scope.executionID.uuidString.lowercased()
            case .scheduledFor(let format): result += DatePattern.format(scope.scheduledFor, pattern: format)
            }
            rest = rest[rest.index(after: end)...]
        }
        return result + rest
    }

    private static func reference(_ inner: String) throws(TemplateError) -> Reference {
        if inner.hasPrefix("params."), inner.count > 7 { return .parameter(String(inner.dropFirst(7))) }
        if inner == "execution.id" { return .executionID }
        if inner == "execution.scheduled_for" { return .scheduledFor(format: nil) }
        if inner.hasPrefix("execution.scheduled_for:") {
            return .scheduledFor(format: String(inner.dropFirst("execution.scheduled_for:".count)))
        }
        throw TemplateError(reason: .unknownVariable(inner))
    }
}

/// Formats a UTC date with the tokens `yyyy`, `yy`, `MM`, `dd`, `HH`, `mm`, `ss`; other
/// characters are copied.
enum DatePattern {
    static func format(_ date: Date, pattern: String?) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        guard let pattern else { return CivilTime.formatTimestamp(micros - micros % 1_000_000, zoned: true) }
        let (days, within) = CivilTime.floorDivide(micros, CivilTime.microsecondsPerDay)
        let (year, month, day) = CivilTime.civil(days: Int32(days))
        let seconds = Int(within / 1_000_000)
        let tokens: [(String, String)] = [
            ("yyyy", pad(year, 4)), ("yy", pad(year % 100, 2)), ("MM", pad(month, 2)), ("dd", pad(day, 2)),
            ("HH", pad(seconds / 3600, 2)), ("mm", pad(seconds / 60 % 60, 2)), ("ss", pad(seconds % 60, 2)),
        ]
        var result = ""
        var rest = Substring(pattern)
        outer: while !rest.isEmpty {
            for (token, value) in tokens where rest.hasPrefix(token) {
                result += value
                rest = rest.dropFirst(token.count)
                continue outer
            }
            result.append(rest.removeFirst())
        }
        return result
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
