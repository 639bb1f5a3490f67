internal import NIOCore

extension SimulatorServer {
    /// How the simulator server listens, how fast it answers and how it misbehaves.
    public struct Configuration: Sendable, Hashable {
        /// The address to listen on; loopback by default.
        public var host: String
        /// The port to listen on; 0 picks a free one (see `SimulatorServer.port`).
        public var port: Int
        /// Time each chat-completions and embeddings answer waits before it is written,
        /// scheduled on the event loop. Injected error statuses are written at once.
        public var latency: Duration
        /// Which faults to inject into chat-completions and embeddings requests, how often.
        public var faults: FaultSpec
        /// The seed of the fault schedule.
        public var seed: UInt64
        /// The value of the `Retry-After` header of the `429-retry-after` fault.
        public var retryAfterSeconds: Int
        /// How long a stalled request is held before its connection is closed.
        public var stallDuration: Duration
        /// When set, requests without `Authorization: Bearer <apiKey>` get 401; the
        /// statistics routes never need it.
        public var apiKey: String?
        /// The simulated world that answers.
        public var simulator: SimulatorConfiguration
        /// Event loop threads.
        public var threads: Int
        /// The largest request body accepted; larger ones get 413. 16 MiB by default.
        public var maxBodyBytes: Int

        public init(
            host: String = "127.0.0.1", port: Int = 0, latency: Duration = .zero,
            faults: FaultSpec = .none, seed: UInt64 = 0, retryAfterSeconds: Int = 1,
            stallDuration: Duration = .seconds(30), apiKey: String? = nil,
            simulator: SimulatorConfiguration = SimulatorConfiguration(),
            threads: Int = Configuration.defaultThreads,
            maxBodyBytes: Int = Configuration.defaultMaxBodyBytes
        ) {
            self.host = host
            self.port = port
            self.latency = latency
            self.faults = faults
            self.seed = seed
            self.retryAfterSeconds = retryAfterSeconds
            self.stallDuration = stallDuration
            self.apiKey = apiKey
            self.simulator = simulator
            self.threads = threads
            self.maxBodyBytes = maxBodyBytes
        }

        /// One event loop thread per core.
        public static var defaultThreads: Int { System.coreCount }

        /// 16 MiB.
        public static let defaultMaxBodyBytes = 16 * 1024 * 1024

        /// The schedule the server injects faults by, for predicting what it will do.
        public var faultSchedule: FaultSchedule {
            FaultSchedule(spec: faults, seed: seed)
        }
    }
}
