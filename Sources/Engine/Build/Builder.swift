public import Basics
public import Foundation
public import LanguageModels
public import Recipes
public import Store
import Synchronization
import Tools

/// How a build runs.
public struct BuildOptions: Sendable {
    /// Items in flight at once (each item's calls still obey every endpoint's limits).
    public var concurrency: Int
    /// Only the first this many knowledge units, for fast iteration while authoring.
    public var limit: Int?
    /// A call that is not cached is an error instead of a request.
    public var offline: Bool
    /// Where the corpus search index is kept (one file per corpus digest).
    public var indexDirectory: String
    /// The directory python programs get private working directories in.
    public var temporaryDirectory: String
    /// What the build may send (`--max-calls`, `--max-cost`); nil for no limit.
    public var budget: SendBudget?
    /// Walk the build without changing anything, to see what it would do (`frontier status`,
    /// the forecast of `frontier plan`): the store is only read, nothing is sent (misses are
    /// counted and answered by the simulator as a stand-in), and no file is written.
    public var dryRun = false

    public init(
        concurrency: Int = 16, limit: Int? = nil, offline: Bool = false,
        indexDirectory: String, temporaryDirectory: String = NSTemporaryDirectory(),
        budget: SendBudget? = nil
    ) {
        self.concurrency = concurrency
        self.limit = limit
        self.offline = offline
        self.indexDirectory = indexDirectory
        self.temporaryDirectory = temporaryDirectory
        self.budget = budget
    }
}

/// Runs a recipe's training branch end to end: ingest, chunk, compose, then each item through
/// seed, escalation and calibration (items concurrently, in bounded number), then dedup and
/// emit in stable item order.
public struct Builder: Sendable {
    public let recipe: Recipe
    public let store: any StoreBackend
    public let options: BuildOptions
    public let progress: BuildProgress
    let models: ModelSet

    public init(
        recipe: Recipe, store: any StoreBackend, session: HTTPSession, options: BuildOptions,
        progress: BuildProgress
    ) {
        self.recipe = recipe
        let store = options.dryRun ? OverlayStore(over: store) : store
        self.store = store
        self.options = options
        self.progress = progress
        models = ModelSet(
            recipe: recipe, session: session, store: store, offline: options.offline,
            budget: options.budget, forecast: options.dryRun)
    }

    /// A builder sharing `models` (and their clients and caches) with another user.
    init(
        recipe: Recipe, store: any StoreBackend, models: ModelSet, options: BuildOptions,
        progress: BuildProgress
    ) {
        self.recipe = recipe
        self.store = store
        self.options = options
        self.progress = progress
        self.models = models
    }

    /// Builds, writes the outputs, and returns what happened. Throws ``BuildError`` for
    /// problems the user must fix, `CancellationError` when cancelled (no output is written),
    /// and ``ModelCallError`` when an endpoint refuses the build's credentials.
    public func run() async throws -> BuildSummary {
        let prompts = try PromptSet(recipe: recipe, catalog: try PromptCatalog.builtIn())
        let plan = try Planner.builtIn().plan(recipe)
        let inputs = try inputsDigest(plan)
        if !options.dryRun, let summary = try await upToDate(plan, inputs: inputs) {
            return summary
        }
        let tasks = TaskRunner(store: store, progress: progress)

        let training = try await read(recipe.corpus, prefix: "", prompts: prompts)
        var examCorpus: ReadCorpus?
        if let exam = recipe.exam {
            let read = try await read(exam.corpus, prefix: "exam.", prompts: prompts)
            try Self.checkDisjoint(exam: read, training: training)
            examCorpus = read
        }
        try Task.checkCancellation()

        progress.start("compose", total: recipe.compose.units)
        let composed = try await compose(
            training.corpus, composer: composer, node: try plan.requiredNode("compose"),
            tasks: tasks)
        var units = composed.units
        if let limit = options.limit { units = Array(units.prefix(limit)) }
        progress.finish("compose", id: "", count: units.count)
        progress.finishStage("compose")

        let stages = ItemStages(
            recipe: recipe, prompts: prompts, models: models.models,
            toolBox: try await makeToolBox(training.corpus), progress: progress,
            band: .init(recipe.difficulty),
            nodes: try .init(plan, prefix: "", calibrate: "calibrate"), tasks: tasks)
        let jobs = units.flatMap { unit in
            (0..<recipe.seedQuestions.perUnit).map { (unit, $0) }
        }
        progress.setItems(jobs.count)
        var items = try await runItems(jobs, stages: stages)
        try Task.checkCancellation()

        progress.start("dedup", total: items.filter { $0.bucket == .zpd }.count)
        let candidates = items.indices.filter { items[$0].bucket == .zpd }
        let kept = try await deduplicate(
            candidates.map { (items[$0].id, items[$0].final?.question ?? "") }, prior: [],
            node: try plan.requiredNode("dedup"), tasks: tasks)
        for (index, keep) in zip(candidates, kept) where !keep { items[index].bucket = .duplicate }
        progress.finishStage("dedup")

        var exam: ExamResult?
        if let spec = recipe.exam, let examCorpus {
            exam = try await buildExam(
                spec, corpus: examCorpus, prompts: prompts,
                training: items.filter { $0.bucket == .zpd }.compactMap(\.final?.question),
                plan: plan, tasks: tasks)
        }

        let written = try await emit(
            items, chunks: training.chunks, exam: exam, plan: plan, tasks: tasks)
        var result = summary(
            items: items, composed: composed, units: units.count, written: written, exam: exam)
        result.tasks = tasks.visits
        result.calls = models.models.mapValues(\.statistics)
        if options.dryRun { return result }
        try await recordVersion(
            plan: plan, tasks: tasks, outputs: written.files, made: written.made,
            buckets: result.buckets, inputs: inputs, summary: result)
        try await store.record(
            BuildRecord(
                id: UUID().uuidString, started: progress.started, finished: Date(),
                callsSent: result.progress.callsSent, callsCached: result.progress.callsCached))
        return result
    }

    /// A corpus read and chunked, as the stages need it.
    struct ReadCorpus: Sendable {
        var corpus: Corpus
        var chunks: [CorpusChunkRecord]
        /// Where each document's source is declared.
        var origins: [String: SourceRange]
    }

    /// Reads `sources` and chunks them (condensing when the recipe asks); throws the corpus's
    /// problems when there are errors.
    func read(
        _ sources: [Recipe.CorpusSource], prefix: String, prompts: PromptSet
    ) async throws -> ReadCorpus {
        progress.start(prefix + "ingest", total: sources.count)
        let ingested = Ingest.run(sources)
        if ingested.diagnostics.contains(where: { $0.severity == .error }) {
            throw CorpusProblems(diagnostics: ingested.diagnostics)
        }
        progress.finishStage(prefix + "ingest")
        let chunker = Chunker(maxCharacters: recipe.compose.chunkChars)
        let chunks = try await condensed(
            chunker.chunks(of: ingested.documents), prompts: prompts, stage: prefix + "chunk")
        let corpus = Corpus(
            documents: ingested.documents,
            chunks: chunks.map {
                CorpusChunk(
                    id: $0.id, document: $0.document, discipline: $0.discipline, text: $0.text)
            })
        return ReadCorpus(corpus: corpus, chunks: chunks, origins: ingested.origins)
    }

    /// Units composed from `corpus`'s chunks, by the recipe's similarity: the task of `node`,
    /// whose input is every chunk's id, discipline and text.
    func compose(
        _ corpus: Corpus, composer: Composer, node: PlanNode, tasks: TaskRunner
    ) async throws -> Composer.Result {
        var chunks: [String: JSONValue] = [:]
        for chunk in corpus.chunks {
            chunks[chunk.id] = .string(Digest(of: chunk.discipline + "\u{0}" + chunk.text).hex)
        }
        let byID = Dictionary(corpus.chunks.map { ($0.id, $0) }) { first, _ in first }
        let outcome = try await tasks.run(node, item: "", input: ["chunks": .object(chunks)]) {
            ComposeOutput(try await composeUnits(corpus, composer: composer, stage: node.id))
        }
        return try outcome.output.result(chunks: byID)
    }

    private func composeUnits(
        _ corpus: Corpus, composer: Composer, stage: String
    ) async throws -> Composer.Result {
        guard let (embedder, role) = try embedder() else {
            return composer.compose(corpus.chunks)
        }
        let vectors = try await embedder.vectors(corpus.chunks.map(\.text)) { cached in
            progress.recordEmbedding(stage: stage, role: role, cached: cached)
        }
        return composer.compose(corpus.chunks, space: DenseVectors(vectors))
    }

    /// Whether each of `questions` is kept, in order; the `prior` questions (kept already) are
    /// compared against but not judged.
    func deduplicate(
        _ questions: [(item: String, text: String)], prior: [String], node: PlanNode,
        tasks: TaskRunner, batch: String = ""
    ) async throws -> [Bool] {
        let input: JSONValue = [
            "questions": .array(
                questions.map { [.string($0.item), .string(Digest(of: $0.text).hex)] }),
            "prior": .string(Digest(of: prior.joined(separator: "\u{0}")).hex),
        ]
        return try await tasks.run(node, item: batch, input: input) {
            try await deduplicate(questions.map(\.text), prior: prior, stage: node.id)
        }.output
    }

    private func deduplicate(
        _ questions: [String], prior: [String], stage: String
    ) async throws -> [Bool] {
        let dedup = Dedup(threshold: recipe.difficulty.dedup)
        let all = prior + questions
        let kept: [Bool]
        if let (embedder, role) = try embedder() {
            let vectors = try await embedder.vectors(all) { cached in
                progress.recordEmbedding(stage: stage, role: role, cached: cached)
            }
            kept = dedup.keep(count: all.count, space: DenseVectors(vectors), prior: prior.count)
        } else {
            kept = dedup.keep(count: all.count, space: TextVectors(all), prior: prior.count)
        }
        return Array(kept.dropFirst(prior.count))
    }

    /// Runs every (unit, question index) job through the per-item stages, `concurrency` at a
    /// time; the records in job order.
    func runItems(_ jobs: [(KnowledgeUnit, Int)], stages: ItemStages) async throws -> [ItemRecord] {
        let names = ["seed", "escalate", stages.band.stage].map { stages.prefix + $0 }
        for stage in names { progress.start(stage, total: jobs.count) }
        let progress = self.progress
        // A spent budget stops each item at its next call to send, but does not cancel the
        // others: their calls in flight were paid for, so they finish and are stored.
        let spent = Mutex<ModelCallError?>(nil)
        let items = try await Bounded.map(count: jobs.count, width: options.concurrency) {
            index -> ItemRecord? in
            let (unit, number) = jobs[index]
            do {
                let item = try await stages.run(unit: unit, index: number)
                progress.finishItem(id: item.id, bucket: item.bucket)
                return item
            } catch let error as ModelCallError {
                guard case .budgetSpent = error else { throw error }
                spent.withLock { $0 = $0 ?? error }
                return nil
            }
        }
        if let error = spent.withLock({ $0 }) { throw error }
        for stage in names { progress.finishStage(stage) }
        return items.compactMap { $0 }
    }

    /// The embeddings model of `compose.similarity: { model: … }`; nil for lexical similarity.
    private func embedder() throws -> (embedder: Embedder, role: String)? {
        guard case .model(let role) = recipe.compose.similarity else { return nil }
        guard let served = models.embedders[role.value],
            let settings = recipe.model(named: role.value)
        else { throw BuildError("the similarity model '\(role.value)' has no usable endpoint") }
        return (
            Embedder(
                model: served.model, identity: served.identity, name: settings.model.value,
                store: store), role.value
        )
    }

    var composer: Composer {
        let compose = recipe.compose
        let cross = Composer.CrossDiscipline(rawValue: compose.crossDiscipline) ?? .allow
        return Composer(
            chunksPerUnit: compose.chunksPerUnit.value, neighbors: compose.neighbors.value,
            coherence: compose.coherence, crossDiscipline: cross, units: compose.units,
            mix: recipe.disciplines.map { ($0.name.value, ($0.percent?.value ?? 0) / 100) },
            seed: recipe.seed)
    }

    /// The chunks, each rewritten by the `condense` model when the recipe asks for it.
    private func condensed(
        _ chunks: [CorpusChunk], prompts: PromptSet, stage: String
    ) async throws -> [CorpusChunkRecord] {
        let plain = chunks.map {
            CorpusChunkRecord(
                id: $0.id, document: $0.document, discipline: $0.discipline, text: $0.text,
                calls: [])
        }
        progress.start(stage, total: chunks.count)
        defer { progress.finishStage(stage) }
        guard let condense = recipe.compose.condense,
            let model = models.models[condense.model.value],
            let settings = recipe.model(named: condense.model.value)
        else { return plain }
        let caller = Caller(model: model, settings: settings, stage: stage, progress: progress)
        let seed = recipe.seed
        return try await Bounded.map(count: plain.count, width: options.concurrency) { index in
            var chunk = plain[index]
            let prompt = prompts.render(.condense, ["text": chunk.text])
            let reply = try await caller.send(
                caller.request(
                    [.user(prompt)],
                    seed: SampleSeed.derive(recipe: seed, item: chunk.id, stage: "condense"),
                    sampleIndex: nil))
            chunk.calls = [reply.key]
            let text = reply.text.trimmingWhitespace()
            // A cut or empty rewrite keeps the original text rather than losing the chunk.
            if !reply.truncated && !text.isEmpty { chunk.text = text }
            return chunk
        }
    }

    /// The recipe's tools, ready to run: the search index is built (or reused) only when a
    /// search tool is declared, and python is prepared only when a python tool is.
    func makeToolBox(_ corpus: Corpus) async throws -> ToolBox {
        var tools: [String: any Tool] = [:]
        var index: CorpusIndex?
        var sandbox: PythonSandbox?
        for tool in recipe.tools {
            let name = tool.name.value
            switch tool.kind?.value {
            case .corpusSearch?:
                if index == nil {
                    index = try await CorpusIndex(corpus: corpus, directory: options.indexDirectory)
                }
                tools[name] = CorpusSearchTool(
                    name: name, index: index!, configuration: .init(topK: tool.topK))
            case .corpusBrowse?:
                tools[name] = CorpusBrowseTool(
                    name: name, corpus: corpus, configuration: .init(maxChars: tool.maxChars))
            case .python?:
                if sandbox == nil {
                    do {
                        sandbox = try await PythonSandbox.prepare(
                            searchPath: ProcessInfo.processInfo.environment["PATH"]
                                ?? "/usr/bin:/bin",
                            temporaryDirectory: options.temporaryDirectory)
                    } catch {
                        throw BuildError("the python tool '\(name)' cannot run: \(error)")
                    }
                    if let warning = sandbox?.warning { progress.warn(warning) }
                }
                tools[name] = PythonTool(
                    name: name, sandbox: sandbox!,
                    configuration: .init(
                        timeout: tool.timeout, memory: tool.memory, maxOutput: tool.maxOutput))
            case nil:
                continue
            }
        }
        return ToolBox(tools: tools, store: store, counters: progress.toolCounters)
    }

    /// What emitting wrote: the paths whose contents changed, the records per output, and
    /// every output file for the version.
    struct Written: Sendable {
        var changed: [String] = []
        var records: [String: Int] = [:]
        var files: [OutputManifest] = []
        /// Per output, its records and where they came from, for the version.
        var made: [String: [VersionIndex.Made]] = [:]
    }

    /// Writes every output file, each listed as a task of its `emit` node whose input is the
    /// file's bytes. A file that already holds those bytes is not written (it keeps its inode
    /// and time).
    private func emit(
        _ items: [ItemRecord], chunks: [CorpusChunkRecord], exam: ExamResult?, plan: PlanGraph,
        tasks: TaskRunner
    ) async throws -> Written {
        try Task.checkCancellation()
        let outputs = recipe.outputs
        let records = Records(
            recipe: recipe, includeReasoning: outputs.sft?.includeReasoning ?? false)
        var files: [(String, String, String, [VersionIndex.Made])] = []
        func made(_ item: ItemRecord, _ record: JSONValue) -> VersionIndex.Made {
            VersionIndex.Made(
                record: record, item: item.id, discipline: item.discipline,
                bucket: item.bucket.rawValue)
        }
        if let sft = outputs.sft {
            files.append(
                (
                    "sft", "emit.sft", sft.resolvedPath,
                    items.filter { $0.bucket == .zpd }.compactMap { item in
                        records.sft(item).map { made(item, $0) }
                    }
                ))
        }
        if let cpt = outputs.cpt {
            files.append(
                (
                    "cpt", "emit.cpt", cpt.resolvedPath,
                    chunks.map {
                        VersionIndex.Made(
                            record: records.cpt(chunk: $0), item: "chunk:" + $0.id,
                            discipline: $0.discipline, bucket: nil)
                    } + items.flatMap { item in records.cpt(item: item).map { made(item, $0) } }
                ))
        }
        if let review = outputs.review {
            let buckets: Set<Bucket> = [.tooHard, .outside, .failed]
            files.append(
                (
                    "review", "emit.review", review.resolvedPath,
                    items.filter { buckets.contains($0.bucket) }.map {
                        made($0, records.review($0))
                    }
                ))
        }
        if let exam, let spec = recipe.exam {
            files.append(
                (
                    "exam", "exam.emit", exam.path,
                    exam.items.map { made($0, records.exam($0, admission: spec)) }
                ))
        }
        progress.start("emit", total: files.count)
        defer { progress.finishStage("emit") }
        var written = Written()
        for (name, nodeID, path, made) in files {
            let lines = made.map(\.record)
            written.made[name] = made
            let bytes = try OutputFile.render(lines)
            let digest = Digest(of: bytes)
            let node = try plan.requiredNode(nodeID)
            let file = try await tasks.run(
                node, item: name, input: ["records": .string(digest.hex)], stage: "emit"
            ) { OutputManifest(name: name, path: path, digest: digest, records: lines.count) }
            if options.dryRun {
                if FileManager.default.contents(atPath: path) != Data(bytes) {
                    written.changed.append(path)
                }
            } else if try OutputFile.write(bytes, to: path) {
                written.changed.append(path)
            }
            written.records[name] = lines.count
            written.files.append(file.output)
            progress.finish("emit", id: name)
        }
        return written
    }

    private func summary(
        items: [ItemRecord], composed: Composer.Result, units: Int,
        written: Written, exam: ExamResult?
    ) -> BuildSummary {
        var buckets: [Bucket: Int] = [:]
        for item in items { buckets[item.bucket, default: 0] += 1 }
        var outputs = recipe.outputs.all.map { ($0.name, $0.file.resolvedPath) }
        if let exam { outputs.append(("exam", exam.path)) }
        return BuildSummary(
            units: units, unitsWanted: recipe.compose.units, candidates: composed.candidates,
            draws: composed.draws, items: items.count, buckets: buckets,
            sftWithoutCleanTrajectory: written.records["sft"].map { (buckets[.zpd] ?? 0) - $0 }
                ?? 0,
            progress: progress.snapshot(), outputs: outputs,
            outcomes: items.map {
                ItemOutcome(
                    id: $0.id, discipline: $0.discipline, bucket: $0.bucket,
                    question: $0.final?.question, rounds: $0.final?.round ?? 0,
                    chunks: $0.chunks)
            },
            exam: exam.map {
                ExamSummary(
                    admitted: $0.items.count, wanted: $0.wanted, judged: $0.judged,
                    candidates: $0.candidates)
            }, records: written.records,
            changedOutputs: written.changed)
    }
}

/// Problems reading the corpus that stop a build.
public struct CorpusProblems: Error, Sendable {
    public let diagnostics: [Diagnostic]
}
