public import Basics

/// Recent answers kept decoded, up to a budget of bytes (their response bodies' sizes); the
/// oldest go first.
///
/// Only answers that are already durable in the store enter it, so it changes how fast a
/// repeated call is answered, never what the answer is.
struct AnswerMemo: Sendable {
    private var entries: [Digest: (completion: ChatCompletion, size: Int)] = [:]
    private var order: [Digest] = []
    private var head = 0
    private var bytes = 0
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
    }

    subscript(key: Digest) -> ChatCompletion? { entries[key]?.completion }

    mutating func insert(_ completion: ChatCompletion, for key: Digest, size: Int) {
        guard size <= capacity, entries[key] == nil else { return }
        entries[key] = (completion, size)
        order.append(key)
        bytes += size
        while bytes > capacity, head < order.count {
            if let evicted = entries.removeValue(forKey: order[head]) { bytes -= evicted.size }
            head += 1
        }
        // Drop the evicted prefix now and then, so `order` stays proportional to `entries`.
        if head > 1024, head * 2 > order.count {
            order.removeFirst(head)
            head = 0
        }
    }
}
