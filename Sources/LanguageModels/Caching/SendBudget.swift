public import Foundation
internal import Synchronization

/// The limit a build's budget reached.
public enum BudgetLimit: Sendable, Hashable, CustomStringConvertible {
    /// `--max-calls`: requests sent.
    case calls(Int)
    /// `--max-cost`: US dollars, estimated before sending and settled from usage after.
    case cost(Double)

    public var description: String {
        switch self {
        case .calls(let limit): "--max-calls \(limit)"
        case .cost(let limit): "--max-cost \(String(format: "%.4f", limit)) USD"
        }
    }
}

/// What a build may still send: a number of calls and an amount of money. Every cache miss asks
/// before it is sent; a call that would go over throws ``ModelCallError/budgetSpent(_:)``, which
/// stops the build (completed work stays in the store, so the next build continues).
///
/// Cost is reserved before sending at an upper estimate (the prompt's tokens, estimated from
/// its characters, at the input price, plus `max_tokens` at the output price) and settled to
/// the usage the endpoint reports, so concurrent calls cannot overshoot together.
public final class SendBudget: Sendable {
    public let maxCalls: Int?
    public let maxCost: Double?
    private let state = Mutex((calls: 0, cost: 0.0))

    public init(maxCalls: Int? = nil, maxCost: Double? = nil) {
        self.maxCalls = maxCalls
        self.maxCost = maxCost
    }

    /// Calls admitted and dollars spent or reserved so far.
    public var spent: (calls: Int, cost: Double) { state.withLock { $0 } }

    /// Admits one call reserving `cost` dollars, or throws when it would exceed a limit.
    func admit(cost: Double) throws -> Double {
        try state.withLock { state in
            if let maxCalls, state.calls >= maxCalls {
                throw ModelCallError.budgetSpent(.calls(maxCalls))
            }
            if let maxCost, cost > 0, state.cost + cost > maxCost {
                throw ModelCallError.budgetSpent(.cost(maxCost))
            }
            state.calls += 1
            state.cost += cost
            return cost
        }
    }

    /// Replaces a reservation of `reserved` dollars by what the call `actually` cost.
    func settle(reserved: Double, actually: Double) {
        state.withLock { $0.cost += actually - reserved }
    }
}
