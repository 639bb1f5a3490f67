import Basics
import TestSupport
import Testing

private let recipeText = "name: demo\nsteps:\n\t- model: gpt-4o\n    prompt: hello\n"
private let crlfText = "a: 1\r\nbad key: 2\r\nc: 3\r\n"
/// 120 numbered lines, so that line 100 needs a three-digit gutter.
private let longText = (1...120).map { "line \($0) = value" }.joined(separator: "\n") + "\n"

private let sources = SourceFiles([
    SourceFile(path: "recipe.yaml", text: recipeText),
    SourceFile(path: "crlf.yaml", text: crlfText),
    SourceFile(path: "long.yaml", text: longText),
])

private let renderer = DiagnosticRenderer(sources: sources)

/// The range on one line of `file` from `column` up to, not including, `end`.
private func span(_ file: String, _ line: Int, _ column: Int, _ end: Int) -> SourceRange {
    SourceRange(
        start: SourceLocation(file: file, line: line, column: column),
        end: SourceLocation(file: file, line: line, column: end))
}

/// Named diagnostics whose rendering is pinned in `Golden/rendering.txt`.
private let renderingCases: [(name: String, diagnostic: Diagnostic)] = [
    (
        "multi-character span",
        .error("unknown-recipe", "no recipe named 'demo'", at: span("recipe.yaml", 1, 7, 11))
    ),
    (
        "span at column 1",
        .error("unknown-key", "unknown key 'steps'", at: span("recipe.yaml", 2, 1, 6))
    ),
    (
        "span past the line end",
        .error("bad-value", "value runs past the line", at: span("recipe.yaml", 1, 7, 40))
    ),
    (
        "tab before the span",
        .error("unknown-model", "unknown model 'gpt-4o'", at: span("recipe.yaml", 3, 11, 17))
    ),
    ("empty span", .error("missing-value", "expected a value", at: span("recipe.yaml", 2, 7, 7))),
    (
        "span across lines",
        .error(
            "bad-block", "block does not close",
            at: SourceRange(
                start: SourceLocation(file: "recipe.yaml", line: 3, column: 4),
                end: SourceLocation(file: "recipe.yaml", line: 4, column: 3)))
    ),
    (
        "notes with and without location",
        .error(
            "duplicate-key", "duplicate key 'name'", at: span("recipe.yaml", 4, 5, 11),
            notes: [
                .init("first defined here", at: span("recipe.yaml", 1, 1, 5)),
                .init("keys must be unique within a mapping"),
            ])
    ),
    ("no location", .error("empty-recipe", "the recipe has no steps", at: nil)),
    (
        "three-digit line number",
        .warning("long-line", "line 100 is suspicious", at: span("long.yaml", 100, 6, 9))
    ),
    (
        "CRLF source line",
        .error("unknown-key", "unknown key 'bad key'", at: span("crlf.yaml", 2, 1, 8))
    ),
    (
        "warning with a note",
        .warning(
            "unused-step", "step 'x' is never used", at: span("recipe.yaml", 4, 5, 11),
            notes: [.init("did you mean 'steps'?")])
    ),
    ("source not at hand", .error("io", "cannot read", at: span("missing.yaml", 1, 1, 2))),
    ("line out of range", .error("eof", "unexpected end", at: span("recipe.yaml", 99, 1, 2))),
]

@Suite("Diagnostic rendering")
struct DiagnosticRendererTests {
    @Test("every rendering case matches Golden/rendering.txt")
    func goldenFile() {
        let actual = renderingCases.map {
            "== \($0.name) ==\n" + renderer.render($0.diagnostic) + "\n"
        }
        .joined(separator: "\n")
        let path = Fixtures.path("Golden", "rendering.txt", relativeTo: #filePath)
        let mismatch = Golden.mismatch(actual, goldenPath: path)
        #expect(mismatch == nil, "\(mismatch ?? "")")
    }

    @Test("an error puts a caret and tildes under a multi-character span")
    func multiCharacterSpan() {
        let text = renderer.render(
            .error("unknown-recipe", "no recipe named 'demo'", at: span("recipe.yaml", 1, 7, 11)))
        #expect(
            text == """
                recipe.yaml:1:7: error: no recipe named 'demo' [unknown-recipe]
                 1 | name: demo
                   |       ^~~~
                """)
    }

    @Test("a span at column 1 has no padding before the caret")
    func columnOne() {
        let text = renderer.render(
            .error("unknown-key", "unknown key 'steps'", at: span("recipe.yaml", 2, 1, 6)))
        #expect(text.hasSuffix("\n 2 | steps:\n   | ^~~~~"))
    }

    @Test("a span running past the line end is cut at the end of the line")
    func pastLineEnd() {
        let text = renderer.render(
            .error("bad-value", "too long", at: span("recipe.yaml", 1, 7, 40)))
        #expect(text.hasSuffix("\n 1 | name: demo\n   |       ^~~~"))
    }

    @Test("the caret line keeps the tabs of the quoted line")
    func tabsKept() {
        let text = renderer.render(
            .error("unknown-model", "unknown model", at: span("recipe.yaml", 3, 11, 17)))
        #expect(text.hasSuffix("\n 3 | \t- model: gpt-4o\n   | \t         ^~~~~~"))
    }

    @Test("an empty span gets a single caret")
    func emptySpan() {
        let text = renderer.render(
            .error("missing-value", "expected a value", at: span("recipe.yaml", 2, 7, 7)))
        #expect(text.hasSuffix("\n   |       ^"))
    }

    @Test("a span across lines is underlined to the end of its first line")
    func acrossLines() {
        let range = SourceRange(
            start: SourceLocation(file: "recipe.yaml", line: 1, column: 7),
            end: SourceLocation(file: "recipe.yaml", line: 2, column: 3))
        let text = renderer.render(.error("x", "y", at: range))
        #expect(text.hasSuffix("\n 1 | name: demo\n   |       ^~~~"))
    }

    @Test("notes follow the diagnostic, quoting source when they have a location")
    func notes() {
        let diagnostic = Diagnostic.error(
            "duplicate-key", "duplicate key 'name'", at: span("recipe.yaml", 4, 5, 11),
            notes: [
                .init("first defined here", at: span("recipe.yaml", 1, 1, 5)),
                .init("keys must be unique"),
            ])
        #expect(
            renderer.render(diagnostic) == """
                recipe.yaml:4:5: error: duplicate key 'name' [duplicate-key]
                 4 |     prompt: hello
                   |     ^~~~~~
                recipe.yaml:1:1: note: first defined here
                 1 | name: demo
                   | ^~~~
                note: keys must be unique
                """)
    }

    @Test("a diagnostic without a location is one line without a position")
    func noLocation() {
        let text = renderer.render(.error("empty-recipe", "the recipe has no steps", at: nil))
        #expect(text == "error: the recipe has no steps [empty-recipe]")
    }

    @Test("a three-digit line number widens the gutter of both lines")
    func wideGutter() {
        let text = renderer.render(.warning("long-line", "odd", at: span("long.yaml", 100, 6, 9)))
        #expect(
            text == """
                long.yaml:100:6: warning: odd [long-line]
                 100 | line 100 = value
                     |      ^~~
                """)
    }

    @Test("CRLF line endings are not quoted")
    func crlf() {
        let text = renderer.render(
            .error("unknown-key", "unknown key", at: span("crlf.yaml", 2, 1, 8)))
        #expect(!text.contains("\r"))
        #expect(text.hasSuffix("\n 2 | bad key: 2\n   | ^~~~~~~"))
    }

    @Test("without the source or the line, only the header is rendered")
    func noExcerpt() {
        #expect(
            renderer.render(.error("io", "cannot read", at: span("missing.yaml", 1, 1, 2)))
                == "missing.yaml:1:1: error: cannot read [io]")
        #expect(
            renderer.render(.error("eof", "unexpected end", at: span("recipe.yaml", 99, 1, 2)))
                == "recipe.yaml:99:1: error: unexpected end [eof]")
    }

    @Test("several diagnostics are separated by a blank line and end with a newline")
    func several() {
        let text = renderer.render([
            .error("a", "first", at: nil),
            .warning("b", "second", at: nil),
        ])
        #expect(text == "error: first [a]\n\nwarning: second [b]\n")
        #expect(renderer.render([]) == "")
    }
}
