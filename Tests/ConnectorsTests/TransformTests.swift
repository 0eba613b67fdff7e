import Connectors
import Foundation
import Pipelines
import Testing

@Suite("Transforms")
struct TransformTests {
    let people = "id,name,city,age\n1, Ann ,Paris,30\n2,Bob,paris,\n3,Cy,Lyon,25\n1, Ann ,Paris,30\n4,,Lyon,41\n"

    @Test func cleanerRemovesDuplicatesKeepingTheFirst() async throws {
        let workspace = try Workspace()
        try workspace.write("in.csv", people)
        let (_, events) = try await workspace.run(
            [("in", "extractor", "csv", ["path": "in.csv"]),
             ("c", "transformer", "cleaner", ["remove_duplicates": true, "columns": ["id"], "trim_whitespace": true, "lowercase": ["city"], "drop_nulls": ["age"]]),
             ("out", "loader", "csv", ["path": "out.csv"])],
            edges: [("in", "c"), ("c", "out")])
        #expect(try workspace.read("out.csv") == "id,name,city,age\n1,Ann,paris,30\n3,Cy,lyon,25\n4,,lyon,41\n")
        #expect(events.contains { if case .log(_, let line) = $0 { line.message == "Removed 1 duplicate rows" && line.metadata["rows_after"] == 3 } else { false } })
    }

    @Test func filterConditionsAndExpression() async throws {
        let workspace = try Workspace()
        #expect(try await workspace.transform(people, "filter", ["conditions": [["column": "age", "operator": ">=", "value": 30], ["column": "city", "operator": "=", "value": "Lyon"]]])
            == "id,name,city,age\n4,,Lyon,41\n")
        #expect(try await workspace.transform(people, "filter", ["logic": "or", "conditions": [["column": "age", "operator": "is_null"], ["column": "id", "operator": "in", "value": [3]]]])
            == "id,name,city,age\n2,Bob,paris,\n3,Cy,Lyon,25\n")
        #expect(try await workspace.transform(people, "filter", ["expression": "lower(city) = 'paris' and (age is null or age < 31)"])
            == "id,name,city,age\n1, Ann ,Paris,30\n2,Bob,paris,\n1, Ann ,Paris,30\n")
        #expect(try await workspace.transform(people, "filter", ["conditions": [["column": "city", "operator": "regex", "value": "^L"]]])
            == "id,name,city,age\n3,Cy,Lyon,25\n4,,Lyon,41\n")
    }

    @Test func mapDerivesCastsRenamesAndSelects() async throws {
        let workspace = try Workspace()
        let output = try await workspace.transform(
            "id,price,qty\n1,2.50,3\n2,1.10,0\n", "map",
            ["derive": [["column": "total", "expression": "price * qty"], ["column": "unit", "expression": "price / qty"]],
             "cast": ["price": "decimal(10,2)"], "rename": ["id": "order_id"], "select": ["order_id", "price", "total"], "on_error": "skip"])
        #expect(output == "order_id,price,total\n1,2.50,7.5\n")
    }

    @Test func aggregateGroupsInFirstSeenOrder() async throws {
        let workspace = try Workspace()
        let output = try await workspace.transform(
            "k,v\na,1\nb,2\na,3\nb,\nc,5\na,3\n", "aggregate",
            ["group_by": ["k"], "aggregations": [["function": "count"], ["function": "count", "column": "v", "as": "n"], ["function": "sum", "column": "v"],
              ["function": "avg", "column": "v"], ["function": "min", "column": "v"], ["function": "max", "column": "v"], ["function": "count_distinct", "column": "v"]]])
        #expect(output == "k,count,n,sum_v,avg_v,min_v,max_v,count_distinct_v\na,3,3,7,2.3333333333333335,1,3,2\nb,2,1,2,2,2,2,1\nc,1,1,5,5,5,5,1\n")
    }

    @Test func sortAndLimit() async throws {
        let workspace = try Workspace()
        #expect(try await workspace.transform(people, "sort", ["columns": [["column": "age", "direction": "desc", "nulls": "first"], ["column": "id"]]])
            == "id,name,city,age\n2,Bob,paris,\n4,,Lyon,41\n1, Ann ,Paris,30\n1, Ann ,Paris,30\n3,Cy,Lyon,25\n")
        #expect(try await workspace.transform(people, "limit", ["count": 2, "offset": 1]) == "id,name,city,age\n2,Bob,paris,\n3,Cy,Lyon,25\n")
    }
}

@Suite("Join")
struct JoinTests {
    // Hand-computed: customers 1,2,3 (3 has no orders); orders for 1 (twice), 2, and 9 (no customer).
    let customers = "id,name\n1,Ann\n2,Bob\n3,Cy\n"
    let orders = "id,amount\n1,10\n2,20\n1,15\n9,99\n"

    func join(_ type: String) async throws -> [String] {
        let workspace = try Workspace()
        try workspace.write("c.csv", customers)
        try workspace.write("o.csv", orders)
        try await workspace.run(
            [("c", "extractor", "csv", ["path": "c.csv"]), ("o", "extractor", "csv", ["path": "o.csv"]),
             ("j", "transformer", "join", ["type": .string(type), "on": ["id"]]), ("out", "loader", "csv", ["path": "out.csv"])],
            edges: [("c", "j"), ("o", "j"), ("j", "out")])
        let lines = try workspace.read("out.csv").split(separator: "\n").map(String.init)
        return [lines[0]] + lines.dropFirst().sorted()
    }

    @Test func inner() async throws {
        #expect(try await join("inner") == ["id,name,amount", "1,Ann,10", "1,Ann,15", "2,Bob,20"])
    }

    @Test func left() async throws {
        #expect(try await join("left") == ["id,name,amount", "1,Ann,10", "1,Ann,15", "2,Bob,20", "3,Cy,"])
    }

    @Test func right() async throws {
        #expect(try await join("right") == ["id,name,amount", "1,Ann,10", "1,Ann,15", "2,Bob,20", "9,,99"])
    }

    @Test func full() async throws {
        #expect(try await join("full") == ["id,name,amount", "1,Ann,10", "1,Ann,15", "2,Bob,20", "3,Cy,", "9,,99"])
    }

    @Test func differentKeyNamesAndSelfJoinFromOneSource() async throws {
        let workspace = try Workspace()
        try workspace.write("c.csv", customers)
        try await workspace.run(
            [("c", "extractor", "csv", ["path": "c.csv"]), ("j", "transformer", "join", ["left_on": ["id"], "right_on": ["id"]]),
             ("out", "loader", "csv", ["path": "out.csv"])],
            edges: [("c", "j"), ("c", "j"), ("j", "out")])
        #expect(try workspace.read("out.csv") == "id,name,id_right,name_right\n1,Ann,1,Ann\n2,Bob,2,Bob\n3,Cy,3,Cy\n")
    }

    @Test func validatorChecksJoinKeysAgainstDeclaredColumns() async {
        let config: JSONValue = [
            "nodes": [
                ["id": "a", "type": "extractor", "module": "csv", "config": ["path": "a.csv", "columns": [["name": "id", "type": "int64"]]], "description": "a"],
                ["id": "b", "type": "extractor", "module": "csv", "config": ["path": "b.csv", "columns": [["name": "key", "type": "int64"]]], "description": "b"],
                ["id": "j", "type": "transformer", "module": "join", "config": ["on": ["id"]], "description": "j"],
                ["id": "k", "type": "transformer", "module": "join", "config": [:], "description": "k"],
                ["id": "z", "type": "loader", "module": "csv", "config": ["path": "z.csv"], "description": "z"],
                ["id": "y", "type": "loader", "module": "csv", "config": ["path": "y.csv"], "description": "y"],
            ],
            "edges": [["source": "a", "target": "j"], ["source": "b", "target": "j"], ["source": "j", "target": "z"],
                      ["source": "a", "target": "k"], ["source": "b", "target": "k"], ["source": "k", "target": "y"]],
        ]
        let report = await PipelineValidator(registry: .builtIn).validate(config: config)
        #expect(report.errors.map(\.code) == [.unknownColumn, .invalidConfig])
        #expect(report.errors[0].path == "$.nodes[2].config.on[0]")
    }
}
