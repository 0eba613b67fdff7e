import Pipelines
import Testing

@Suite("Pipeline validation")
struct ValidationTests {
    let validator = PipelineValidator(registry: TestModules.registry, connections: FixedConnections(types: ["pg": "postgres", "bucket": "s3"]))

    func codes(_ config: JSONValue, defaults: [String: JSONValue] = [:]) async -> [ValidationCode] {
        await validator.validate(config: config, defaultParameters: defaults).errors.map(\.code)
    }

    let source = node("a", "extractor", "numbers", ["count": 10])
    let sink = node("z", "loader", "sink", [:])

    @Test func validPipelineHasNoFinding() async {
        let report = await validator.validate(config: pipeline([source, sink], edges: [("a", "z")]))
        #expect(report.isValid)
        #expect(report.warnings.isEmpty)
        #expect(report.jsonValue["valid"] == .bool(true))
    }

    @Test func emptyPipeline() async {
        #expect(await codes(["nodes": [], "edges": []]) == [.emptyPipeline])
    }

    @Test func invalidDocumentAndNodeType() async {
        #expect(await codes("text") == [.invalidDocument])
        let report = await validator.validate(config: pipeline([source, node("b", "sorter", "pass", [:])], edges: [("a", "b")]))
        #expect(report.errors.first?.code == .invalidNodeType)
        #expect(report.errors.first?.path == "$.nodes[1].type")
    }

    @Test func duplicateNodeID() async {
        let report = await validator.validate(config: pipeline([source, source, sink], edges: [("a", "z")]))
        #expect(report.errors.map { $0.code } == [.duplicateNodeID])
        #expect(report.errors[0].nodeID == "a")
        #expect(report.errors[0].path == "$.nodes[1].id")
    }

    @Test func unknownModuleAndWrongKind() async {
        #expect(await codes(pipeline([source, node("z", "loader", "nowhere", [:])], edges: [("a", "z")])) == [.unknownModule])
        let report = await validator.validate(config: pipeline([source, node("z", "loader", "numbers", ["count": 1])], edges: [("a", "z")]))
        #expect(report.errors.map { $0.code } == [.wrongNodeKind])
        #expect(report.errors[0].path == "$.nodes[1].type")
    }

    @Test func edgeToMissingNode() async {
        let report = await validator.validate(config: pipeline([source, sink], edges: [("a", "z"), ("a", "ghost")]))
        #expect(report.errors.map { $0.code } == [.edgeToMissingNode])
        #expect(report.errors[0].path == "$.edges[1].target")
    }

    @Test func cycleNamesItsNodes() async {
        let nodes = [source, node("b", "transformer", "pass", [:]), node("c", "transformer", "pair", [:]), sink]
        let report = await validator.validate(config: pipeline(nodes, edges: [("a", "c"), ("c", "b"), ("b", "c"), ("c", "z")]))
        let cycle = report.errors.first { $0.code == .cycle }
        #expect(cycle?.message == "Cycle: 'b' → 'c' → 'b'")
        #expect(report.errors.map { $0.code } == [.cycle])
    }

    @Test func extractorWithInputAndLoaderWithOutput() async {
        let other = node("b", "extractor", "numbers", ["count": 1])
        #expect(await codes(pipeline([source, other, sink], edges: [("a", "b"), ("b", "z")])) == [.extractorHasInput])
        let second = node("y", "loader", "sink", [:])
        #expect(await codes(pipeline([source, sink, second], edges: [("a", "z"), ("z", "y")])).contains(.loaderHasOutput))
    }

    @Test func unreachableNode() async {
        let orphan = node("b", "transformer", "pair", [:])
        let lonely = node("y", "loader", "sink", [:])
        let report = await validator.validate(config: pipeline([source, sink, lonely, orphan], edges: [("a", "z"), ("b", "y")]))
        #expect(report.errors.filter { $0.code == .unreachableNode }.map(\.nodeID) == ["y", "b"])
    }

    @Test func wrongInputCount() async {
        let join = node("j", "transformer", "pair", [:])
        let report = await validator.validate(config: pipeline([source, join, sink], edges: [("a", "j"), ("j", "z")]))
        #expect(report.errors.map { $0.code } == [.wrongInputCount])
        #expect(report.errors[0].message.contains("exactly 2"))
    }

    @Test func configAgainstSchema() async {
        func check(_ config: JSONValue) async -> [ValidationIssue] {
            await validator.validate(config: pipeline([node("a", "extractor", "numbers", config), sink], edges: [("a", "z")])).errors
        }
        let missing = await check([:])
        #expect(missing.map(\.code) == [.configMissingRequired])
        #expect(missing[0].path == "$.nodes[0].config.count")
        #expect(await check(["count": 1, "colour": "red"]).map(\.code) == [.configUnknownKey])
        #expect(await check(["count": "ten"]).map(\.code) == [.configWrongType])
        #expect(await check(["count": -1]).map(\.code) == [.configOutOfRange])
        let enumSchema = await validator.validate(
            config: pipeline([source, node("z", "loader", "sink", ["delay_ms": 1.5])], edges: [("a", "z")])).errors
        #expect(enumSchema.map(\.code) == [.configWrongType])
    }

    @Test func enumViolation() async {
        // `on_error` is declared with an enum by every transform of the connectors; here a
        // hand-written schema does the same.
        let checker = PipelineValidator(registry: ModuleRegistry([EnumModule(), TestModules.Numbers(), TestModules.Sink()]))
        let report = await checker.validate(
            config: pipeline([source, node("e", "transformer", "enum", ["mode": "loud"]), sink], edges: [("a", "e"), ("e", "z")]))
        #expect(report.errors.map { $0.code } == [.configNotInEnum])
        #expect(report.errors[0].path == "$.nodes[1].config.mode")
    }

    @Test func expressionProblems() async {
        let bad = node("p", "transformer", "pass", ["expression": "n >"])
        #expect(await codes(pipeline([source, bad, sink], edges: [("a", "p"), ("p", "z")])) == [.invalidExpression])
        let unknown = node("p", "transformer", "pass", ["expression": "m > 1"])
        #expect(await codes(pipeline([source, unknown, sink], edges: [("a", "p"), ("p", "z")])) == [.unknownColumn])
    }

    @Test func connections() async {
        func check(_ id: String) async -> [ValidationCode] {
            await codes(pipeline([node("q", "extractor", "query", ["connection_id": .string(id), "query": "select 1"]), sink], edges: [("q", "z")]))
        }
        #expect(await check("pg") == [])
        #expect(await check("nope") == [.unknownConnection])
        #expect(await check("bucket") == [.wrongConnectionType])
    }

    @Test func parameters() async {
        let query = node("q", "extractor", "query", ["connection_id": "pg", "query": "select * from t where d > :start_date and x::text = ':not_a_param'"])
        #expect(await codes(pipeline([query, sink], edges: [("q", "z")])) == [.missingParameter])
        #expect(await codes(pipeline([query, sink], edges: [("q", "z")]), defaults: ["start_date": "2025-01-01"]) == [])
        let templated = node("a", "extractor", "numbers", ["count": 1, "label": "out-${params.day}.csv"])
        #expect(await codes(pipeline([templated, sink], edges: [("a", "z")])) == [.missingParameter])
        let broken = node("a", "extractor", "numbers", ["count": 1, "label": "${nope}"])
        #expect(await codes(pipeline([broken, sink], edges: [("a", "z")])) == [.invalidTemplate])
    }

    @Test func warnings() async {
        let report = await validator.validate(
            config: pipeline([source, sink, node("b", "extractor", "numbers", ["count": 1])], edges: [("a", "z")], describe: false))
        #expect(report.isValid)
        #expect(report.warnings.map { $0.code } == [.nodeWithoutDescription, .nodeWithoutDescription, .nodeWithoutDescription, .extractorReachesNoLoader])
        #expect(report.warnings[0].message == "Node 'a' has no description")
        #expect(report.warnings[3].nodeID == "b")
    }

    @Test func everyCodeIsCovered() {
        // Keep this list in step with the tests above: one test per code.
        #expect(ValidationCode.allCases.count == 26)
    }
}

private struct EnumModule: PipelineModule {
    let descriptor = ModuleDescriptor(
        kind: .transformer, name: "enum", displayName: "Enum", description: "", icon: "", color: "",
        schema: ["type": "object", "properties": ["mode": ["type": "string", "enum": ["quiet", "normal"]]]])
    func analyze(_ config: ModuleConfig, inputs: [[String]?]) -> ModuleAnalysis { ModuleAnalysis(outputColumns: nil) }
    func makeOperator(_ config: ModuleConfig, setup: NodeSetup) throws -> any NodeOperator { TestModules.Pass.Operator() }
}
