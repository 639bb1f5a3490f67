internal import NIOCore

/// What the simulator server does with one request whose body has arrived.
enum ServerReply {
    /// Write a response with a JSON body.
    case respond(ServerResponse)
    /// Close the connection at once, with an RST where possible, writing nothing.
    case reset
    /// Write nothing; close the connection after the given time.
    case stall(TimeAmount)
}

/// A response the simulator server writes: a status, a JSON body and what goes with it.
struct ServerResponse: Sendable {
    var status: Int
    var body: ByteBuffer
    /// The `Retry-After` header's seconds, when one is sent.
    var retryAfter: Int?
    /// How long to wait before writing, on the event loop; nil writes at once.
    var delay: TimeAmount?

    init(status: Int, body: ByteBuffer, retryAfter: Int? = nil, delay: TimeAmount? = nil) {
        self.status = status
        self.body = body
        self.retryAfter = retryAfter
        self.delay = delay
    }

    init(status: Int, bytes: [UInt8], retryAfter: Int? = nil) {
        self.init(status: status, body: ByteBuffer(bytes: bytes), retryAfter: retryAfter)
    }

    /// The same response with only the first half of its body.
    func truncated() -> ServerResponse {
        var copy = self
        copy.body =
            body.getSlice(at: body.readerIndex, length: body.readableBytes / 2)
            ?? ByteBuffer()
        return copy
    }
}
