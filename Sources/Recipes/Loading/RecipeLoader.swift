public import Basics
import Foundation

extension DiagnosticID {
    public static let unreadableFile: Self = "unreadable-file"
    public static let extendsCycle: Self = "extends-cycle"
    public static let extendsNotFound: Self = "extends-not-found"
    public static let notARecipe: Self = "not-a-recipe"
    public static let extendsTooDeep: Self = "extends-too-deep"
}

/// What loading a recipe produced: the recipe when it could be built, every diagnostic, and the
/// source text of every file read, so diagnostics can quote them.
public struct LoadedRecipe: Sendable {
    /// The checked recipe; nil when the YAML could not be read at all. It may be present even
    /// when `diagnostics` contains errors (for tools that want partial results).
    public var recipe: Recipe?
    public var diagnostics: [Diagnostic]
    public var sources: SourceFiles

    public var hasErrors: Bool { diagnostics.containsErrors }
}

/// Reads a recipe file, resolves `extends`, checks it against the language, and checks every
/// rule of RECIPE.md, reporting all problems in one pass.
public struct RecipeLoader: Sendable {
    /// The environment `${env:NAME}` reads.
    public var environment: [String: String]
    public var limits: YAMLLimits
    /// The most `extends` levels followed.
    public var maxExtendsDepth = 16

    public init(environment: [String: String], limits: YAMLLimits = .default) {
        self.environment = environment
        self.limits = limits
    }

    public func load(_ path: String) -> LoadedRecipe {
        var session = LoadSession(loader: self)
        guard let root = session.read(path, chain: [], from: nil) else {
            return LoadedRecipe(
                recipe: nil, diagnostics: session.diagnostics, sources: session.sources)
        }
        guard root.pairs != nil else {
            session.diagnostics.append(
                .error(
                    .notARecipe, "a recipe is a mapping of sections; found \(root.kindDescription)",
                    at: root.range))
            return LoadedRecipe(
                recipe: nil, diagnostics: session.diagnostics, sources: session.sources)
        }
        var validator = ShapeValidator(environment: environment)
        let shaped = validator.validate(root, as: .object(Recipe.shape), path: "")
        var diagnostics = session.diagnostics + validator.diagnostics
        guard let object = shaped?.object else {
            return LoadedRecipe(recipe: nil, diagnostics: diagnostics, sources: session.sources)
        }
        let recipe = Recipe(file: path, digest: Digest(of: session.digestInput), object)
        diagnostics += RecipeChecker(recipe: recipe, object: object).check()
        return LoadedRecipe(
            recipe: recipe, diagnostics: diagnostics.sortedByLocation(), sources: session.sources)
    }
}

/// The state of one load: files read so far and what was found in them.
private struct LoadSession {
    let loader: RecipeLoader
    var diagnostics: [Diagnostic] = []
    var sources = SourceFiles()
    var digestInput: [UInt8] = []

    init(loader: RecipeLoader) {
        self.loader = loader
    }

    /// The YAML tree of `path` with its `extends` chain merged in; nil when unreadable.
    /// `reference` is the `extends` value that named this file, for errors about it.
    mutating func read(_ path: String, chain: [String], from reference: YAMLNode?) -> YAMLNode? {
        let canonical = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
            .path
        if let index = chain.firstIndex(of: canonical) {
            let cycle = (chain[index...] + [canonical]).map {
                "'\($0.split(separator: "/").last!)'"
            }
            diagnostics.append(
                .error(
                    .extendsCycle,
                    "'extends' makes a cycle: \(cycle.joined(separator: " → "))",
                    at: reference?.range))
            return nil
        }
        if chain.count >= loader.maxExtendsDepth {
            diagnostics.append(
                .error(
                    .extendsTooDeep,
                    "'extends' chain is deeper than \(loader.maxExtendsDepth) files",
                    at: reference?.range))
            return nil
        }
        guard let text = readText(path, reference: reference) else { return nil }
        sources.add(SourceFile(path: path, text: text))
        digestInput += Array(text.utf8) + [0]
        let composer = YAMLComposer(limits: loader.limits)
        guard var node = composer.compose(text, file: path, diagnostics: &diagnostics) else {
            return nil
        }
        guard let pairs = node.pairs, let index = pairs.firstIndex(where: { $0.name == "extends" })
        else { return node }
        let extends = pairs[index].value
        var rest = pairs
        rest.remove(at: index)
        node.content = .mapping(rest)
        guard let base = extends.scalar?.text, extends.scalar != nil else {
            diagnostics.append(
                .error(
                    .typeMismatch,
                    "found \(extends.kindDescription) for 'extends'; expected a path",
                    at: extends.range))
            return node
        }
        let basePath = normalize(resolve(base, against: directory(of: path)))
        guard let baseNode = read(basePath, chain: chain + [canonical], from: extends) else {
            return node
        }
        return Self.merge(baseNode, node)
    }

    private mutating func readText(_ path: String, reference: YAMLNode?) -> String? {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        guard manager.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue
        else {
            if let reference {
                diagnostics.append(
                    .error(
                        .extendsNotFound, "no recipe at '\(path)' to extend", at: reference.range))
            } else {
                diagnostics.append(
                    .error(.unreadableFile, "no recipe file at '\(path)'", at: nil))
            }
            return nil
        }
        let size = (try? manager.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if size > loader.limits.maxFileBytes {
            diagnostics.append(
                .error(
                    .fileTooLarge,
                    "file is \(ByteCount.describe(size)); recipes are limited to "
                        + ByteCount.describe(loader.limits.maxFileBytes),
                    at: SourceRange(at: SourceLocation(file: path, line: 1, column: 1))))
            return nil
        }
        guard let data = manager.contents(atPath: path) else {
            diagnostics.append(
                .error(.unreadableFile, "cannot read '\(path)'", at: reference?.range))
            return nil
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            diagnostics.append(
                .error(
                    .unreadableFile, "'\(path)' is not UTF-8 text",
                    at: SourceRange(at: SourceLocation(file: path, line: 1, column: 1))))
            return nil
        }
        return text
    }

    /// `over` deep-merged onto `base`: mappings merge key by key; anything else replaces.
    static func merge(_ base: YAMLNode, _ over: YAMLNode) -> YAMLNode {
        guard let basePairs = base.pairs, let overPairs = over.pairs else { return over }
        var merged = basePairs
        for pair in overPairs {
            if let index = merged.firstIndex(where: { $0.name == pair.name }) {
                merged[index] = YAMLPair(
                    key: pair.key, value: merge(merged[index].value, pair.value))
            } else {
                merged.append(pair)
            }
        }
        var result = over
        result.content = .mapping(merged)
        return result
    }
}
