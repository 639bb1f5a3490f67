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
