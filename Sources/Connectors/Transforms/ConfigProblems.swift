import Pipelines

/// Static checks the transforms share: column names against known input columns, and
/// expressions that must parse and read known columns.
struct ConfigProblems {
    /// The input's columns, nil when unknown (then name checks are skipped).
    var columns: [String]?
    private(set) var problems: [ModuleProblem] = []

    init(columns: [String]?) { self.columns = columns }

    mutating func requireColumn(_ name: String, at path: String) {
        guard let columns, !columns.contains(name) else { return }
        problems.append(ModuleProblem(.unknownColumn, path: path, message: "unknown column \(name) (columns: \(columns.joined(separator: ", ")))"))
    }

    mutating func requireColumns(_ names: [String], at path: String) {
        for (index, name) in names.enumerated() { requireColumn(name, at: "\(path)[\(index)]") }
    }

    /// Parses `text`, reporting a syntax error or unknown columns; returns the expression.
    @discardableResult
    mutating func expression(_ text: String, at path: String) -> Expression? {
        do {
            let expression = try Expression(parsing: text)
            for column in expression.columns { requireColumn(column, at: path) }
            return expression
        } catch {
            problems.append(ModuleProblem(.invalidExpression, path: path, message: "expression \"\(text)\": \(error)"))
            return nil
        }
    }

    mutating func add(_ problem: ModuleProblem) { problems.append(problem) }
}

/// The config keys of a node that are lists of column names or name→name maps, read leniently
/// for analysis (the schema has checked their shape).
extension ModuleConfig {
    func names(_ key: String) -> [String] { (try? strings(key)) ?? [] }
}

/// Reads a column of a batch that must exist (the validator checks names when it can; at run
/// time the data decides).
extension RecordBatch {
    func requireColumn(_ name: String) throws -> Int {
        guard let index = schema.index(of: name) else {
            throw NodeFailure("unknown column \(name) (columns: \(schema.names.joined(separator: ", ")))")
        }
        return index
    }
}
