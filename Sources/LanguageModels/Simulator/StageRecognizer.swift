internal import Foundation

/// Recognises which stage a request is for, from the built-in templates' wording and the
/// request's shape.
///
/// The prompt is the first user message (HTML entities undone, in case it was rendered with
/// Mustache's escaping). In order:
/// 1. `Reference answer:` and `Response:` → judge.
/// 2. `Current question:` and `Current answer:` → escalation (an agent turn when tools are
///    offered, natively or by the tag protocol).
/// 3. `<passage id=` or `knowledge unit` → seed question.
/// 4. `<passage>` or `Rewrite the passage` → condense.
/// 5. `Question:` with tools offered, or the expert template's `expert researcher` → expert.
/// 6. `Question:` → plain answer (the peer).
/// 7. Anything else → a generic reply.
///
/// Overridden templates are recognised as long as they keep these markers.
enum StageRecognizer {
    static func task(of request: ChatRequest, toolsOffered: Bool) -> SimulatedTask {
        let prompt = self.prompt(of: request)
        if prompt.includes("Reference answer:") && prompt.includes("Response:") {
            return .judge(judgeTask(prompt))
        }
        if prompt.includes("Current question:") && prompt.includes("Current answer:") {
            return .escalate(escalateTask(prompt))
        }
        if prompt.includes("<passage id=") || prompt.includes("knowledge unit") {
            return .seed(seedTask(prompt))
        }
        if prompt.includes("<passage>") || prompt.includes("Rewrite the passage") {
            let passage =
                TextScanning.between("<passage>", "</passage>", in: prompt)
                ?? String(TextScanning.after("Rewrite the passage", in: prompt) ?? "")
            return .condense(passage: passage.trimmingCharacters(in: .whitespacesAndNewlines))
        }
        if let question = TextScanning.after("Question:", in: prompt) {
            let text = question.trimmingCharacters(in: .whitespacesAndNewlines)
            if toolsOffered || prompt.includes("expert researcher") {
                return toolsOffered ? .expert(question: text) : .answer(question: text)
            }
            return .answer(question: text)
        }
        return .other(prompt: prompt)
    }

    /// The first user message, or the last message of any role when there is none.
    static func prompt(of request: ChatRequest) -> String {
        let message =
            request.messages.first { $0.role == .user } ?? request.messages.last
        return TextScanning.unescapeHTML(message?.content ?? "")
    }

    private static func judgeTask(_ prompt: String) -> JudgeTask {
        let question =
            TextScanning.between("Question:", "\nReference answer:", in: prompt) ?? ""
        let reference = TextScanning.firstLine(
            TextScanning.after("Reference answer:", in: prompt) ?? "")
        var response = String(TextScanning.after("\nResponse:", in: prompt) ?? "")
        if let reply = response.range(of: "\n\nReply with one JSON object", options: .backwards) {
            response = String(response[..<reply.lowerBound])
        }
        var tolerance = 0.01
        if let after = TextScanning.after("relative tolerance of ", in: prompt) {
            let number = after.prefix { $0.isNumber || $0 == "." || $0 == "e" || $0 == "-" }
            tolerance =
                Double(number.hasSuffix(".") ? String(number.dropLast()) : String(number))
                ?? tolerance
        }
        return JudgeTask(
            question: question.trimmingCharacters(in: .whitespacesAndNewlines),
            reference: reference,
            response: response.trimmingCharacters(in: .whitespacesAndNewlines),
            tolerance: tolerance)
    }

    private static func escalateTask(_ prompt: String) -> EscalateTask {
        let question =
            TextScanning.between("Current question:", "\nCurrent answer:", in: prompt) ?? ""
        let answerBlock = TextScanning.between("Current answer:", "\n\n", in: prompt) ?? ""
        var round: Int?
        var searchStart = prompt.startIndex
        while round == nil,
            let found = prompt.range(of: "round ", range: searchStart..<prompt.endIndex)
        {
            round = Int(prompt[found.upperBound...].prefix { $0.isNumber })
            searchStart = found.upperBound
        }
        var dimensions: [String] = []
        if let block = TextScanning.between("Apply one or more", "\n\n", in: prompt) {
            for line in block.split(separator: "\n").dropFirst() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed.hasPrefix("- ") {
                    dimensions.append(String(trimmed.dropFirst(2)))
                }
            }
        }
        var budget: Int?
        if let after = TextScanning.after("budget this round is ", in: prompt) {
            budget = Int(after.prefix { $0.isNumber })
        }
        return EscalateTask(
            question: question.trimmingCharacters(in: .whitespacesAndNewlines),
            answer: answerBlock.trimmingCharacters(in: .whitespacesAndNewlines),
            round: round, dimensions: dimensions, budget: budget)
    }

    private static func seedTask(_ prompt: String) -> SeedTask {
        var discipline = "general"
        if let after = TextScanning.after(" from the ", in: prompt),
            let end = after.range(of: " literature")
        {
            let written = after[..<end.lowerBound].trimmingCharacters(in: .whitespaces)
            if !written.isEmpty && !written.includes("\n") { discipline = written }
        }
        var passages: [SeedTask.Passage] = []
        var rest = Substring(prompt)
        while let open = rest.range(of: "<passage") {
            guard let tagEnd = rest[open.upperBound...].firstIndex(of: ">") else { break }
            let attributes = rest[open.upperBound..<tagEnd]
            let body = rest[rest.index(after: tagEnd)...]
            let close = body.range(of: "</passage>")
            let text = close.map { body[..<$0.lowerBound] } ?? body
            var id = "\(passages.count + 1)"
            if let idStart = attributes.range(of: "id=\"") {
                id = String(attributes[idStart.upperBound...].prefix { $0 != "\"" })
            }
            passages.append(
                .init(id: id, text: text.trimmingCharacters(in: .whitespacesAndNewlines)))
            guard let close else { break }
            rest = body[close.upperBound...]
        }
        return SeedTask(discipline: discipline, passages: passages)
    }
}
