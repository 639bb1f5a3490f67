import Basics

extension Recipe {
    /// The typed recipe from a checked top-level mapping; absent required parts get empty
    /// placeholders located at the mapping (their absence was already reported).
    init(file: String, digest: Digest, _ object: ShapedObject) {
        self.file = file
        self.digest = digest
        version = object.integer("frontier") ?? Located(1, at: object.range)
        name = object.string("name")?.value ?? Self.stem(of: file)
        seed = object.integer("seed")!.value
        endpoints = (object.entries("endpoints") ?? []).compactMap { entry in
            entry.value.object.map { Endpoint(name: entry.name, $0) }
        }
        models = (object.entries("models") ?? []).compactMap { entry in
            entry.value.object.map { Model(name: entry.name, $0) }
        }
        tools = (object.entries("tools") ?? []).compactMap { entry in
            entry.value.object.map { Tool(name: entry.name, $0) }
        }
        corpus = (object.list("corpus") ?? []).compactMap { $0.object.map(CorpusSource.init) }
        disciplines = (object.entries("disciplines") ?? []).map { entry in
            guard case .percentage(let percent) = entry.value.content else {
                return DisciplineShare(name: entry.name, percent: nil)
            }
            return DisciplineShare(
                name: entry.name, percent: Located(percent, at: entry.value.range))
        }
        disciplinesRange = object.value("disciplines")?.range ?? object.range
        compose = Compose(object.objectOrEmpty("compose", shape: Compose.shape))
        seedQuestions = SeedQuestions(
            object.objectOrEmpty("seed_questions", shape: SeedQuestions.shape))
        escalation = Escalation(object.objectOrEmpty("escalation", shape: Escalation.shape))
        difficulty = Difficulty(object.objectOrEmpty("difficulty", shape: Difficulty.shape))
        outputs = Outputs(object.objectOrEmpty("outputs", shape: Outputs.shape))
        exam = object.object("exam").map(Exam.init)
        func names(_ key: String) -> Set<String>? {
            guard let value = object.value(key) else { return [] }
            return value.entries.map { Set($0.map(\.name.value)) }
        }
        declaredNames = [
            .endpoint: names("endpoints"), .model: names("models"), .tool: names("tools"),
        ]
    }

    static func stem(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
