/// Until an endpoint has answered one request with anything but 401 or 403, only one request
/// at a time is sent to it. Refused credentials then cost exactly one request however many
/// calls were waiting, and every waiting call fails with the same error.
actor CredentialGate {
    /// Whether a caller sends the request that settles the question, or goes ahead freely.
    enum Role: Sendable {
        case lead
        case follow
    }

    private enum State {
        case unproven(leaderRunning: Bool)
        case accepted
        case rejected(ModelCallError)
    }

    private var state = State.unproven(leaderRunning: false)
    private var waiters: [CheckedContinuation<Role, any Error>] = []

    /// Waits until this caller may send: at once when the credentials are accepted, as the
    /// leader when nobody is settling the question, else when the leader has.
    func enter() async throws -> Role {
        switch state {
        case .accepted: return .follow
        case .rejected(let error): throw error
        case .unproven(leaderRunning: false):
            state = .unproven(leaderRunning: true)
            return .lead
        case .unproven(leaderRunning: true):
            return try await withCheckedThrowingContinuation {
                (continuation: CheckedContinuation<Role, any Error>) in
                waiters.append(continuation)
            }
        }
    }

    /// The leader got an answer that was not a refusal: everyone may go.
    func accept() {
        state = .accepted
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(returning: .follow) }
    }

    /// The leader's credentials were refused: every waiting and later caller fails with `error`.
    func reject(_ error: ModelCallError) {
        state = .rejected(error)
        let waiting = waiters
        waiters = []
        for waiter in waiting { waiter.resume(throwing: error) }
    }

    /// The leader stopped without an answer either way (cancelled, or every attempt failed to
    /// connect): the next waiter leads.
    func abandon() {
        if waiters.isEmpty {
            state = .unproven(leaderRunning: false)
        } else {
            waiters.removeFirst().resume(returning: .lead)
        }
    }
}
