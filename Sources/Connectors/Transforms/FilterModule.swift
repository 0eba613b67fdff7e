import Pipelines

/// `filter`: keeps the rows matching `conditions` (combined by `logic`) or an `expression`.
struct FilterModule: PipelineModule {
    static let operators = [
        "=", "!=", ">", ">=", "<", "<=", "in", "not_in", "contains", "starts_with", "ends_with", "is_null", "not_null", "regex",
    ]

    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "filter", displayName: "Filter", description: "Keep the rows that match conditions or an expression",
        icon: "filter", color: "#6366F1",
        schema: [
            "type": "object", "additionalProperties": false,
            "properties": [
                "conditions": [
                    "type": "array", "title": "Conditions",
                    "items": [
                        "type": "object", "required": ["column", "operator"], "additionalProperties": false,
                        "properties": [
                            "column": ["type": "string"], "operator": ["type": "string", "enum": .array(operators.map(JSONValue.string))],
                            "value": ["description": "A value, or a list for in/not_in; unused by is_null/not_null"],
                        ],
                    ],
                ],
                "logic": ["type": "string", "enum": ["and", "or"], "default": "and", "title": "Combine conditions with"],
                "expression": ["type": "string", "title": "Expression", "format": "code", "description": "e.g. amount > 100 and status = 'paid'"],
                "on_error": OnErrorPolicy.schemaProperty,
            ],
        ])

    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis {
        var problems = ConfigProblems(columns: inputs.first ?? nil)
        for (index, condition) in ((try? config.objects("conditions")) ?? []).enumerated() {
            if let column = condition["column"]?.stringValue { problems.requireColumn(column, at: ".conditions[\(index)].column") }
            if condition["operator"]?.stringValue == "regex", let pattern = condition["value"]?.stringValue, (try? Regex(pattern)) == nil {
                problems.add(ModuleProblem(.invalidConfig, path: ".conditions[\(index)].value", message: "\(pattern) is not a regular expression"))
            }
        }
        if let text = try? config.string("expression") { problems.expression(text, at: ".expression") }
        if config["expression"] == nil, config["conditions"] == nil {
            problems.add(ModuleProblem(.invalidConfig, path: "", message: "filter needs conditions or an expression"))
        }
        return ModuleAnalysis(outputColumns: inputs.first ?? nil, problems: problems.problems)
    }

    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator {
        let conditions = try config.objects("conditions").map(FilterCondition.init)
        let expression = try config.string("expression").map { text in
            do { return try Expression(parsing: text) } catch { throw NodeFailure("expression: \(error)") }
        }
        return StreamingOperator(
            FilterTransform(conditions: conditions, matchAll: try config.string("logic") != "or", expression: expression))
    }
}

/// Applies the filter to each batch: conditions column by column, then the expression row by row.
struct FilterTransform: StreamingTransform {
    var conditions: [FilterCondition]
    var matchAll: Bool
    var expression: Expression?

    mutating func transform(_ batch: RecordBatch, context: NodeContext) throws -> RecordBatch? {
        var mask = [Bool](repeating: conditions.isEmpty || matchAll, count: batch.rowCount)
        for condition in conditions {
            let matches = try condition.evaluate(batch)
            for row in 0..<batch.rowCount { mask[row] = matchAll ? mask[row] && matches[row] : mask[row] || matches[row] }
        }
        var rejected = 0
        if let expression {
            let evaluate = try bind(expression, batch, context)
            for row in 0..<batch.rowCount where mask[row] {
                do {
                    mask[row] = try evaluate(row) == .bool(true)
                } catch {
                    mask[row] = false
                    rejected += 1
                    try context.reject(batch, row: row, reason: "expression: \(error)")
                }
            }
        }
        let kept = batch.filtering(mask)
        // Rejected rows are already counted by `reject`.
        context.countFiltered(batch.rowCount - kept.rowCount - rejected)
        return kept
    }
}

/// Binds an expression to a batch, turning a bind failure (unknown column) into a node failure.
func bind(_ expression: Expression, _ batch: RecordBatch, _ context: NodeContext) throws -> RowEvaluator {
    do {
        return try expression.bind(to: batch, parameters: context.parameterValues)
    } catch {
        throw NodeFailure(error.description)
    }
}
