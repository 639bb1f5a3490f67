import Basics

extension DiffReport {
    /// The whole report for people: the summary, the cause groups and, with `records`, every
    /// added, removed, changed and moved record (changed ones with their field changes). An
    /// empty diff is one line.
    public func text(records: Bool = false) -> String {
        if summary.isEmpty { return summary.text() }
        var text = summary.text() + "\n" + DatasetDiff.Group.text(groups)
        if records { text += "\n" + recordsText() }
        return text
    }

    /// Every record of the diff, one line each, changed ones followed by their field changes.
    public func recordsText() -> String {
        var lines: [String] = []
        for entry in result.added { lines.append("added \(entry.id) in \(entry.output)") }
        for entry in result.removed { lines.append("removed \(entry.id) in \(entry.output)") }
        for move in result.moved {
            lines.append("moved \(move.item) from \(move.from) to \(move.to)")
        }
        for change in result.changed {
            lines.append("changed \(change.id) in \(change.output)")
            for field in fields(of: change) ?? [] { lines.append("  " + field.text()) }
        }
        return lines.map { $0 + "\n" }.joined()
    }
}

extension DatasetDiff.Summary {
    /// The headline, then aligned tables of counts per output, per discipline and per bucket
    /// (the moved columns only when something moved); `no differences` when nothing changed.
    public func text() -> String {
        guard !isEmpty else {
            return
                "no differences (\(unchanged) \(unchanged == 1 ? "record" : "records") unchanged)\n"
        }
        var headline = "\(added) added, \(removed) removed, \(changed) changed"
        headline += ", \(moved) moved; \(unchanged) unchanged"
        let moves = moved > 0
        func section(_ title: String, _ rows: [DatasetDiff.SummaryRow]) -> [[String]] {
            var header = [title, "added", "removed", "changed"]
            if moves { header += ["moved out", "moved in"] }
            return [header]
                + rows.map { row in
                    let counts = row.counts
                    var cells = [row.name, counts.added, counts.removed, counts.changed]
                        .map { "\($0)" }
                    if moves { cells += ["\(counts.movedOut)", "\(counts.movedIn)"] }
                    return cells
                }
        }
        let table = TextTable.render([
            section("output", outputs), section("discipline", disciplines),
            section("bucket", buckets),
        ])
        return headline + "\n\n" + table
    }
}

extension DatasetDiff.Group {
    /// `escalation.prompt changed → 37 records changed (sft 30, review 7)`, with `; 5 moved
    /// (sft → cpt 4, sft → review 1)` when the group also has moves; without the cause part
    /// for the group of a diff grouped without a cause.
    public func text() -> String {
        func records(_ count: Int) -> String { count == 1 ? "1 record" : "\(count) records" }
        var parts: [String] = []
        if !changed.isEmpty {
            let outputs = changedByOutput.map { "\($0.output) \($0.count)" }
            parts.append(
                "\(records(changed.count)) changed (\(outputs.joined(separator: ", ")))")
        }
        if !moved.isEmpty {
            let routes = movedByRoute.map { "\($0.from) → \($0.to) \($0.count)" }
            let counted = changed.isEmpty ? records(moved.count) : "\(moved.count)"
            parts.append("\(counted) moved (\(routes.joined(separator: ", ")))")
        }
        return (cause.map { "\($0) changed → " } ?? "") + parts.joined(separator: "; ")
    }

    /// One line per group.
    public static func text(_ groups: [DatasetDiff.Group]) -> String {
        groups.map { $0.text() + "\n" }.joined()
    }
}

extension FieldChange {
    /// `messages[2].content (turn 3, assistant): "…the old text…" → "…the new text…"`, long
    /// values shortened around their first difference.
    public func text(width: Int = 60) -> String {
        let (before, after) = Excerpt.pair(old, new, width: width)
        return path + (turn.map { " (\($0))" } ?? "") + ": " + before + " → " + after
    }
}

/// Values shortened for one line.
enum Excerpt {
    static let absent = "(absent)"

    /// The two values as JSON, strings longer than `width` cut to a window starting a little
    /// before their first difference, with an ellipsis where text was cut.
    static func pair(_ old: JSONValue?, _ new: JSONValue?, width: Int) -> (String, String) {
        if case .string(let a)? = old, case .string(let b)? = new {
            let start = max(0, commonPrefix(a, b) - width / 4)
            return (
                quoted(window(a, from: start, width: width)),
                quoted(window(b, from: start, width: width))
            )
        }
        return (single(old, width: width), single(new, width: width))
    }

    private static func single(_ value: JSONValue?, width: Int) -> String {
        guard let value else { return absent }
        if case .string(let text) = value { return quoted(window(text, from: 0, width: width)) }
        let json = (try? value.canonicalString()) ?? "\(value)"
        return json.count > width ? json.prefix(width) + "…" : json
    }

    private static func window(_ text: String, from start: Int, width: Int) -> String {
        guard text.count > width else { return text }
        let begin = min(start, max(0, text.count - width))
        let slice = text.dropFirst(begin).prefix(width)
        return (begin > 0 ? "…" : "") + slice + (begin + width < text.count ? "…" : "")
    }

    private static func commonPrefix(_ a: String, _ b: String) -> Int {
        zip(a, b).prefix(while: { $0 == $1 }).count
    }

    private static func quoted(_ text: String) -> String {
        (try? JSONValue.string(text).canonicalString()) ?? "\"\(text)\""
    }
}

/// Aligned columns: the first left-aligned, the others right-aligned, two spaces apart;
/// sections share column widths and are separated by a blank line.
enum TextTable {
    static func render(_ sections: [[[String]]]) -> String {
        var widths: [Int] = []
        for row in sections.joined() {
            for (column, cell) in row.enumerated() {
                if column == widths.count { widths.append(0) }
                widths[column] = max(widths[column], cell.count)
            }
        }
        return sections.map { rows in
            rows.map { row in
                row.enumerated().map { column, cell in
                    let pad = String(repeating: " ", count: widths[column] - cell.count)
                    return column == 0 ? cell + pad : pad + cell
                }
                .joined(separator: "  ") + "\n"
            }
            .joined()
        }
        .joined(separator: "\n")
    }
}
