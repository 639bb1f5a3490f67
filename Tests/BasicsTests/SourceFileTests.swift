import Basics
import Testing

@Suite("SourceFile lines")
struct SourceFileTests {
    @Test("lines are numbered from 1; the first and last are quoted without their newline")
    func firstAndLast() {
        let file = SourceFile(path: "f", text: "first\nmiddle\nlast\n")
        #expect(file.line(1) == "first")
        #expect(file.line(2) == "middle")
        #expect(file.line(3) == "last")
    }

    @Test("a line number outside the file gives nil", arguments: [-1, 0, 5, 100])
    func outOfRange(number: Int) {
        let file = SourceFile(path: "f", text: "a\nb\nc\n")
        #expect(file.line(number) == nil)
    }

    @Test("after a final newline there is one more, empty line, for positions at the end")
    func trailingNewline() {
        let file = SourceFile(path: "f", text: "a\nb\n")
        #expect(file.lineCount == 3)
        #expect(file.line(2) == "b")
        #expect(file.line(3) == "")
        #expect(file.line(4) == nil)
    }

    @Test("a file without a trailing newline ends with its last line")
    func noTrailingNewline() {
        let file = SourceFile(path: "f", text: "a\nlast")
        #expect(file.lineCount == 2)
        #expect(file.line(2) == "last")
        #expect(file.line(3) == nil)
    }

    @Test("\\r\\n line endings are stripped, a lone \\r inside a line is kept")
    func crlf() {
        let file = SourceFile(path: "f", text: "one\r\ntwo\r\nthree\rstill three\r\nlast")
        #expect(file.lineCount == 4)
        #expect(file.line(1) == "one")
        #expect(file.line(2) == "two")
        #expect(file.line(3) == "three\rstill three")
        #expect(file.line(4) == "last")
    }

    @Test("a final \\r\\n-terminated line is stripped too")
    func crlfAtEnd() {
        let file = SourceFile(path: "f", text: "x\r\n")
        #expect(file.line(1) == "x")
        #expect(file.line(2) == "")
    }

    @Test("empty lines and an empty file have empty lines")
    func emptyLines() {
        let file = SourceFile(path: "f", text: "\n\nz")
        #expect(file.line(1) == "")
        #expect(file.line(2) == "")
        #expect(file.line(3) == "z")
        let empty = SourceFile(path: "e", text: "")
        #expect(empty.lineCount == 1)
        #expect(empty.line(1) == "")
        #expect(empty.line(2) == nil)
    }

    @Test("lines with non-ASCII text are quoted whole")
    func nonASCII() {
        let file = SourceFile(path: "f", text: "é\n😀 x\ne\u{301}\n")
        #expect(file.line(1) == "é")
        #expect(file.line(2) == "😀 x")
        #expect(file.line(3)?.unicodeScalars.count == 2)
    }

    @Test("source files are found by path, and a later file replaces one at the same path")
    func sourceFiles() {
        var files = SourceFiles([
            SourceFile(path: "a", text: "old"), SourceFile(path: "b", text: "b"),
        ])
        #expect(files["a"]?.text == "old")
        #expect(files["c"] == nil)
        files.add(SourceFile(path: "a", text: "new"))
        #expect(files["a"]?.text == "new")
        files.merge(
            SourceFiles([SourceFile(path: "b", text: "merged"), SourceFile(path: "c", text: "c")]))
        #expect(files["b"]?.text == "merged")
        #expect(files["c"]?.text == "c")
        #expect(files["a"]?.text == "new")
    }
}
