import Basics
import Foundation
import Recipes

/// Loading a recipe from the command line: the one place the process environment is read.
enum RecipeLoading {
    static func load(_ path: String) -> LoadedRecipe {
        RecipeLoader(environment: ProcessInfo.processInfo.environment).load(path)
    }

    /// Writes diagnostics to standard error as text, or to standard output as JSON.
    static func report(_ diagnostics: [Diagnostic], sources: SourceFiles, format: DiagnosticFormat)
    {
        switch format {
        case .text:
            guard !diagnostics.isEmpty else { return }
            Console.error(DiagnosticRenderer(sources: sources).render(diagnostics))
            let errors = diagnostics.filter { $0.severity == .error }.count
            let warnings = diagnostics.filter { $0.severity == .warning }.count
            if errors > 0 || warnings > 0 {
                Console.error(
                    Self.count(errors, "error") + ", " + Self.count(warnings, "warning") + "\n")
            }
        case .json:
            Console.output((try? diagnostics.jsonReport.prettyString()) ?? "{}\n")
        }
    }

    /// `1 error`, `2 errors`; `plural` for nouns that do not just take an `s`.
    static func count(_ number: Int, _ noun: String, plural: String? = nil) -> String {
        "\(number) \(number == 1 ? noun : plural ?? noun + "s")"
    }
}

/// Standard output and standard error, written as whole strings.
enum Console {
    static func output(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
