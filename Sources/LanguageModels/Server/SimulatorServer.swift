internal import NIOCore
internal import NIOHTTP1
internal import NIOPosix
internal import Synchronization

/// The simulator served as an OpenAI-compatible HTTP/1.1 endpoint on SwiftNIO, for
/// `frontier serve-sim`, tests and benchmarks of the real HTTP path (PIPELINE.md, "The
/// simulator").
///
/// Routes: `POST /v1/chat/completions`, `POST /v1/embeddings`, `GET /v1/models`; bad JSON
/// gets 400, unknown routes 404, bodies over `maxBodyBytes` 413, all with OpenAI error JSON.
/// Statistics, never counted or faulted: `GET /stats`, `GET /stats/log`, `POST /stats/reset`.
/// Faults are injected by `Configuration.faultSchedule`, from per-body arrival counts.
///
/// Start one with `start(_:)` and end it with `shutdown()`, or scope it with `with(_:_:)`.
public final class SimulatorServer: Sendable {
    public let configuration: Configuration
    /// The port listened on, the one chosen when `configuration.port` is 0.
    public let port: Int
    /// `http://<host>:<port>/v1`, the base URL clients use.
    public let baseURL: String

    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel
    private let recorder: RequestRecorder
    private let isShutDown = Atomic<Bool>(false)
    private let closed: CloseSignal

    private init(
        configuration: Configuration, group: MultiThreadedEventLoopGroup, channel: any Channel,
        recorder: RequestRecorder, port: Int
    ) {
        self.configuration = configuration
        self.group = group
        self.channel = channel
        self.recorder = recorder
        self.port = port
        // Registered now, while the event loop runs: a callback added to the close future
        // after the loops have stopped would never run.
        let closed = CloseSignal()
        channel.closeFuture.whenComplete { _ in closed.fire() }
        self.closed = closed
        let host = configuration.host.contains(":") ? "[\(configuration.host)]" : configuration.host
        baseURL = "http://\(host):\(port)/v1"
    }

    /// Binds and starts serving; returns once the server accepts connections.
    public static func start(_ configuration: Configuration) async throws -> SimulatorServer {
        let responder = try ServerResponder(configuration)
        let maxBodyBytes = configuration.maxBodyBytes
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, configuration.threads))
        do {
            let channel = try await ServerBootstrap(group: group)
                .serverChannelOption(.backlog, value: 512)
                .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
                .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
                .childChannelOption(.maxMessagesPerRead, value: 16)
                .childChannelInitializer { channel in
                    channel.eventLoop.makeCompletedFuture {
                        let pipeline = channel.pipeline.syncOperations
                        try pipeline.configureHTTPServerPipeline(withErrorHandling: true)
                        try pipeline.addHandler(
                            SimulatorRequestHandler(
                                responder: responder, maxBodyBytes: maxBodyBytes))
                    }
                }
                .bind(host: configuration.host, port: configuration.port)
                .get()
            return SimulatorServer(
                configuration: configuration, group: group, channel: channel,
                recorder: responder.recorder, port: channel.localAddress?.port ?? configuration.port
            )
        } catch {
            try? await group.shutdownGracefully()
            throw error
        }
    }

    /// Runs `body` with a server started with `configuration`, then shuts it down, also when
    /// `body` throws.
    public static func with<Result>(
        _ configuration: Configuration,
        isolation: isolated (any Actor)? = #isolation,
        _ body: (SimulatorServer) async throws -> Result
    ) async throws -> Result {
        let server = try await start(configuration)
        let result: Result
        do {
            result = try await body(server)
        } catch {
            try? await server.shutdown()
            throw error
        }
        try await server.shutdown()
        return result
    }

    /// Stops listening, closes every connection (stalled ones too) and stops the event
    /// loops. Calling it again does nothing.
    public func shutdown() async throws {
        guard
            isShutDown.compareExchange(
                expected: false, desired: true, ordering: .acquiringAndReleasing
            ).exchanged
        else { return }
        do {
            try await channel.close()
        } catch ChannelError.alreadyClosed {
            // Closed already: only the event loops remain to stop.
        }
        try await group.shutdownGracefully()
    }

    /// Returns when the server stops listening, for a command that serves in the foreground;
    /// at once when it has already stopped.
    public func waitUntilClosed() async throws {
        await closed.wait()
    }

    /// Requests counted so far, read without waiting: for a thread that must act the moment a
    /// count is reached, whatever the concurrency pool is doing.
    public var requestCount: Int {
        recorder.statistics.requests
    }

    /// The counts since the start or the last reset.
    public func statistics() async -> ServerStatistics {
        recorder.statistics
    }

    /// Every counted request since the start or the last reset, in arrival order.
    public func requestLog() async -> [LoggedRequest] {
        recorder.log
    }

    /// Forgets the statistics, the log and the per-body arrival counts, as `POST /stats/reset`
    /// does, so the fault schedule starts over.
    public func resetStatistics() async {
        recorder.reset()
    }
}

/// A one-time event that any number of tasks can wait for, before or after it happens.
final class CloseSignal: Sendable {
    private let state = Mutex<(fired: Bool, waiters: [CheckedContinuation<Void, Never>])>(
        (false, []))

    func fire() {
        let waiters = state.withLock { state in
            state.fired = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let fired = state.withLock { state in
                if !state.fired { state.waiters.append(continuation) }
                return state.fired
            }
            if fired { continuation.resume() }
        }
    }
}
