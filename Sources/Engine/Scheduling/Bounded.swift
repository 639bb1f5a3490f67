/// Bounded concurrency over a range of work.
public enum Bounded {
    /// Runs `body` for every index in `0..<count` with at most `width` running at once. The
    /// first error cancels the rest and is thrown.
    public static func forEach(
        count: Int, width: Int, _ body: @escaping @Sendable (Int) async throws -> Void
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            var next = 0
            while next < min(max(1, width), count) {
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
            while try await group.next() != nil {
                guard next < count else { continue }
                let index = next
                group.addTask { try await body(index) }
                next += 1
            }
        }
    }
}

extension Bounded {
    /// Runs `body` for every index in `0..<count`, at most `width` at once, and returns the
    /// results in index order, whatever order they finished in.
    public static func map<T: Sendable>(
        count: Int, width: Int, _ body: @escaping @Sendable (Int) async throws -> T
    ) async throws -> [T] {
        var results = [T?](repeating: nil, count: count)
        try await withThrowingTaskGroup(of: (Int, T).self) { group in
            var next = 0
            while next < min(max(1, width), count) {
                let index = next
                group.addTask { (index, try await body(index)) }
                next += 1
            }
            while let (index, value) = try await group.next() {
                results[index] = value
                guard next < count else { continue }
                let start = next
                group.addTask { (start, try await body(start)) }
                next += 1
            }
        }
        return results.map { $0! }
    }
}
