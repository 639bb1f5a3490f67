import Testing

@testable import Tools

@Suite("output capture")
struct OutputCaptureTests {
    private func capture(_ text: String, limit: Int) -> OutputCapture {
        var capture = OutputCapture(limit: limit)
        Array(text.utf8).withUnsafeBytes { capture.append($0) }
        return capture
    }

    @Test("output under the limit is kept whole")
    func underLimit() {
        let captured = capture("héllo", limit: 100)
        #expect(captured.text == "héllo")
        #expect(!captured.truncated)
        #expect(captured.total == 6)
    }

    @Test("a character cut in two at the limit is dropped, not garbled")
    func cutCharacter() {
        // "aé€" is 1 + 2 + 3 bytes; 4 bytes keep "aé" and one byte of "€".
        let captured = capture("aé€", limit: 4)
        #expect(captured.truncated)
        #expect(captured.text == "aé")
        #expect(capture("aé€", limit: 6).text == "aé€")
        #expect(capture("aé€", limit: 2).text == "a")
    }
}
