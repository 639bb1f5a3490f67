import ArgumentParser

/// How diagnostics are written: compiler-style text or JSON.
enum DiagnosticFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}

/// How a plan is written.
enum PlanFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, dot, mermaid
}

/// How the language description is written.
enum SchemaFormat: String, ExpressibleByArgument, CaseIterable {
    case json, markdown
}

/// How a report (a diff) is written: text for people, JSON for tools.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json
}
