@testable import S3Connector
import Testing

/// Which keys the extractor's `prefix` and `glob` select.
@Suite struct KeySelectionTests {
    @Test func globWildcardsStayWithinOrCrossSegments() {
        let cases: [(String, String, Bool)] = [
            ("data/*.csv", "data/a.csv", true), ("data/*.csv", "data/x/a.csv", false), ("data/**/*.csv", "data/x/y/a.csv", true),
            ("data/**/*.csv", "data/a.csv", true), ("data/?.csv", "data/ab.csv", false), ("data/?.csv", "data/b.csv", true),
            ("**", "any/thing", true), ("data/*.csv", "data/", false), ("data/*.csv", "other/a.csv", false),
        ]
        for (glob, key, expected) in cases {
            #expect(KeySelection(glob: glob).matches(key) == expected, "\(glob) ~ \(key)")
        }
    }

    @Test func aGlobListsOnlyItsLiteralPrefix() {
        #expect(KeySelection(glob: "logs/2024/*/x?.csv").listPrefix == "logs/2024/")
        #expect(KeySelection(prefix: "in/").matches("in/a/b.csv"))
        #expect(!KeySelection(prefix: "in/").matches("in/dir/"))
    }
}
