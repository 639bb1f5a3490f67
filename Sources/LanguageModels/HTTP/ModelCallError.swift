public import Basics

/// Why a model call produced no answer. Each case's description is a sentence for the user that
/// names the endpoint or model concerned.
public enum ModelCallError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The endpoint refused the credentials (401, 403): every later call would fail too, so the
    /// build stops at once.
    case credentialsRejected(endpoint: String, status: Int, message: String)
    /// The endpoint rejected the request itself (400, 404, 413, 422): retrying cannot help.
    case rejected(endpoint: String, status: Int, message: String)
    /// Every allowed attempt failed with a retryable failure; `last` says how the last one did.
    case attemptsExhausted(endpoint: String, attempts: Int, last: String)
    /// The answer was cut short by the token limit and the model's `truncation` is `fail`.
    case truncated(model: String, maxTokens: Int?)
    /// `--offline` and the call is not in the cache.
    case offlineMiss(model: String, stage: String?, key: Digest)
    /// Sending the call would go over the build's budget (`--max-calls`, `--max-cost`).
    case budgetSpent(BudgetLimit)
    /// The endpoint never answered: every attempt of its first call failed to connect (refused,
    /// no such host, timed out). Every later call would wait as long, so the build stops.
    case unreachable(endpoint: String, attempts: Int, last: String)

    /// Whether this failure stops the whole build rather than just this call.
    public var abortsBuild: Bool {
        switch self {
        case .credentialsRejected, .offlineMiss, .budgetSpent, .unreachable: true
        default: false
        }
    }

    public var description: String {
        switch self {
        case .credentialsRejected(let endpoint, let status, let message):
            "endpoint \(endpoint) refused the credentials (HTTP \(status)): \(message)"
        case .rejected(let endpoint, let status, let message):
            "endpoint \(endpoint) rejected the request (HTTP \(status)): \(message)"
        case .unreachable(let endpoint, let attempts, let last):
            "endpoint \(endpoint) could not be reached in \(attempts) attempt"
                + "\(attempts == 1 ? "" : "s") (the last: \(last)); is the server running? "
                + "`frontier doctor RECIPE` checks every endpoint"
        case .attemptsExhausted(let endpoint, let attempts, let last):
            "endpoint \(endpoint) failed \(attempts) attempt\(attempts == 1 ? "" : "s"); "
                + "the last: \(last)"
        case .truncated(let model, let maxTokens):
            "model '\(model)' stopped at the token limit"
                + (maxTokens.map { " (max_tokens \($0))" } ?? "")
                + "; raise max_tokens or set truncation: keep"
        case .offlineMiss(let model, let stage, let key):
            "offline, and the call to model '\(model)'"
                + (stage.map { " for stage '\($0)'" } ?? "")
                + " is not cached (key \(key.prefix()))"
        case .budgetSpent(let limit):
            "sending would go over \(limit)"
        }
    }
}

/// How one failed attempt went, for the retry loop.
enum AttemptFailure: Sendable, CustomStringConvertible {
    case status(Int, message: String, retryAfter: String?)
    /// A 2xx whose body is not the answer asked for.
    case unreadable(String)
    case transport(String)

    /// The error that ends the call when this failure must not be retried; nil when it may be.
    func finalError(endpoint: String) -> ModelCallError? {
        guard case .status(let status, let message, _) = self else { return nil }
        switch FailureDisposition.forStatus(status) {
        case .retry: return nil
        case .abortBuild:
            return .credentialsRejected(endpoint: endpoint, status: status, message: message)
        case .failCall: return .rejected(endpoint: endpoint, status: status, message: message)
        }
    }

    var description: String {
        switch self {
        case .status(let status, let message, _): "HTTP \(status): \(message)"
        case .unreadable(let reason): "unreadable response: \(reason)"
        case .transport(let reason): reason
        }
    }
}
