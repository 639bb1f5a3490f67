import Basics
import Testing

private func at(_ file: String, _ line: Int, _ column: Int) -> SourceRange {
    SourceRange(at: SourceLocation(file: file, line: line, column: column))
}

@Suite("Diagnostics: JSON, ordering and severity")
struct DiagnosticTests {
    @Test("a located diagnostic's JSON has its position, its notes and their positions")
    func jsonWithPosition() throws {
        let diagnostic = Diagnostic.error(
            "unknown-key", "unknown key 'modle'",
            at: SourceRange(
                start: SourceLocation(file: "r.yaml", line: 3, column: 5),
                end: SourceLocation(file: "r.yaml", line: 3, column: 10)),
            notes: [.init("did you mean 'model'?"), .init("defined here", at: at("s.yaml", 1, 2))])
        let expected =
            #"{"column":5,"end_column":10,"end_line":3,"file":"r.yaml","id":"unknown-key","#
            + #""line":3,"message":"unknown key 'modle'","#
            + #""notes":[{"message":"did you mean 'model'?"},"#
            + #"{"column":2,"end_column":2,"end_line":1,"file":"s.yaml","line":1,"#
            + #""message":"defined here"}],"#
            + #""severity":"error"}"#
        #expect(try diagnostic.json.canonicalString() == expected)
    }

    @Test("an unlocated diagnostic's JSON has no position keys and an empty notes array")
    func jsonWithoutPosition() throws {
        let diagnostic = Diagnostic.warning("slow", "this will be slow", at: nil)
        #expect(
            diagnostic.json
                == [
                    "severity": "warning", "id": "slow", "message": "this will be slow",
                    "notes": [],
                ])
    }

    @Test("jsonReport counts errors and warnings, not notes")
    func jsonReport() throws {
        let diagnostics: [Diagnostic] = [
            .error("a", "one", at: nil),
            .warning("b", "two", at: nil),
            .error("c", "three", at: at("f", 1, 1), notes: [.init("n")]),
            Diagnostic(.note, "d", "four", at: nil),
        ]
        let report = diagnostics.jsonReport
        #expect(report["errors"] == 2)
        #expect(report["warnings"] == 1)
        #expect(report["diagnostics"] == .array(diagnostics.map(\.json)))
        #expect([Diagnostic]().jsonReport == ["diagnostics": [], "errors": 0, "warnings": 0])
    }

    @Test("sortedByLocation orders by file, line, column; unlocated last in their given order")
    func sortedByLocation() {
        let diagnostics: [Diagnostic] = [
            .error("u1", "unlocated first", at: nil),
            .error("b", "b.yaml 1:1", at: at("b.yaml", 1, 1)),
            .error("a10", "a.yaml 10:1", at: at("a.yaml", 10, 1)),
            .warning("u2", "unlocated second", at: nil),
            .error("a2c5", "a.yaml 2:5", at: at("a.yaml", 2, 5)),
            .error("a2c3", "a.yaml 2:3", at: at("a.yaml", 2, 3)),
            .error("u3", "unlocated third", at: nil),
        ]
        #expect(
            diagnostics.sortedByLocation().map(\.id.rawValue)
                == ["a2c3", "a2c5", "a10", "b", "u1", "u2", "u3"])
    }

    @Test("sortedByLocation keeps diagnostics at the same position in their given order")
    func sortedIsStable() {
        let diagnostics = (0..<12).map {
            Diagnostic.error(DiagnosticID(rawValue: "d\($0)"), "m", at: at("f", 1, 1))
        }
        #expect(diagnostics.sortedByLocation().map(\.id) == diagnostics.map(\.id))
        #expect(
            diagnostics.reversed().sortedByLocation().map(\.id) == diagnostics.reversed().map(\.id))
    }

    @Test("containsErrors is true only when some diagnostic is an error")
    func containsErrors() {
        #expect(![Diagnostic]().containsErrors)
        #expect(
            ![Diagnostic.warning("w", "w", at: nil), Diagnostic(.note, "n", "n", at: nil)]
                .containsErrors)
        #expect([Diagnostic.warning("w", "w", at: nil), .error("e", "e", at: nil)].containsErrors)
    }

    @Test("severities order error, warning, note")
    func severityOrder() {
        #expect(Diagnostic.Severity.error < .warning)
        #expect(Diagnostic.Severity.warning < .note)
        #expect(
            [Diagnostic.Severity.note, .error, .warning].sorted() == [.error, .warning, .note])
    }

    @Test("a source location prints as file:line:column and orders by file, then line, then column")
    func sourceLocation() {
        let location = SourceLocation(file: "dir/r.yaml", line: 12, column: 3)
        #expect(location.description == "dir/r.yaml:12:3")
        #expect(SourceRange(at: location).description == "dir/r.yaml:12:3")
        #expect(
            SourceLocation(file: "a", line: 9, column: 9)
                < SourceLocation(file: "b", line: 1, column: 1))
        #expect(
            SourceLocation(file: "a", line: 2, column: 1)
                < SourceLocation(file: "a", line: 10, column: 1))
        #expect(
            SourceLocation(file: "a", line: 2, column: 2)
                < SourceLocation(file: "a", line: 2, column: 10))
    }

    @Test("located values compare and hash by value, not by where they were written")
    func locatedEquality() {
        let one = Located("x", at: at("a", 1, 1))
        let other = Located("x", at: at("b", 9, 9))
        #expect(one == other)
        #expect(Set([one, other]).count == 1)
        #expect(one != Located("y", at: at("a", 1, 1)))
        let mapped = one.map { $0.count }
        #expect(mapped.value == 1)
        #expect(mapped.range == one.range)
    }
}
