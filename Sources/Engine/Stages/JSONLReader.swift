internal import Basics
internal import Foundation
internal import Recipes
internal import Tools

/// One JSONL corpus file: a document per non-empty line, from the source's text field.
struct JSONLReader {
    let path: String
    let id: String
    let source: Recipe.CorpusSource

    func read(_ text: String) -> Ingest.Result {
        var documents: [CorpusDocument] = []
        var diagnostics: [Diagnostic] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            let number = index + 1
            guard !line.allSatisfy(\.isWhitespace) else { continue }
            let range = SourceRange(at: SourceLocation(file: path, line: number, column: 1))
            guard
                let object = try? JSONSerialization.jsonObject(with: Data(line.utf8))
                    as? [String: Any]
            else {
                diagnostics.append(
                    .error(
                        .invalidRecord, "line \(number) of '\(id)' is not a JSON object", at: range)
                )
                continue
            }
            guard let body = object[source.textField] as? String else {
                diagnostics.append(
                    .error(
                        .invalidRecord,
                        "line \(number) of '\(id)' has no string field '\(source.textField)'",
                        at: range))
                continue
            }
            let discipline: String?
            switch source.discipline.value {
            case .constant(let name): discipline = name
            case .field(let key), .frontMatter(let key): discipline = object[key] as? String
            }
            guard let discipline, !discipline.isEmpty else {
                diagnostics.append(
                    .error(
                        .missingDiscipline, "line \(number) of '\(id)' gives no discipline",
                        at: range))
                continue
            }
            let recordID = source.idField.flatMap { Self.scalar(object[$0]) } ?? String(number)
            documents.append(
                CorpusDocument(id: "\(id)#\(recordID)", discipline: discipline, text: body))
        }
        return Ingest.Result(documents: documents, diagnostics: diagnostics)
    }

    /// A string or number field as text.
    private static func scalar(_ value: Any?) -> String? {
        switch value {
        case let text as String: text
        case let number as NSNumber: number.stringValue
        default: nil
        }
    }
}
