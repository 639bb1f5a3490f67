internal import NIOCore
internal import NIOHTTP1

/// The per-connection channel handler of the simulator server: gathers each request's body,
/// asks the shared `ServerResponder` for the reply, and carries it out on the event loop
/// (writing, delaying, stalling or resetting), never blocking it.
///
/// Sits behind NIO's HTTP/1.1 server pipeline, whose pipelining handler delivers one request
/// at a time; connections are kept alive unless the client asks otherwise.
final class SimulatorRequestHandler: ChannelInboundHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    private let responder: ServerResponder
    private let maxBodyBytes: Int
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    private var oversized = false
    /// A delayed write or a stall's close, cancelled when the connection goes away.
    private var pending: Scheduled<Void>?

    init(responder: ServerResponder, maxBodyBytes: Int) {
        self.responder = responder
        self.maxBodyBytes = maxBodyBytes
    }

    func channelActive(context: ChannelHandlerContext) {
        responder.recorder.connected()
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        pending?.cancel()
        pending = nil
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = nil
            oversized = false
        case .body(var chunk):
            guard !oversized else { return }
            if (body?.readableBytes ?? 0) + chunk.readableBytes > maxBodyBytes {
                oversized = true
                body = nil
            } else if var gathered = body {
                body = nil
                gathered.writeBuffer(&chunk)
                body = gathered
            } else {
                body = chunk
            }
        case .end:
            guard let head else { return }
            self.head = nil
            let reply =
                oversized
                ? responder.tooLarge()
                : responder.reply(to: head, body: body)
            body = nil
            carryOut(reply, head: head, context: context)
        }
    }

    private func carryOut(
        _ reply: ServerReply, head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        switch reply {
        case .respond(let response):
            if let delay = response.delay {
                pending = context.eventLoop.assumeIsolated().scheduleTask(in: delay) {
                    self.pending = nil
                    self.write(response, head: head, context: context)
                }
            } else {
                write(response, head: head, context: context)
            }
        case .reset:
            if let socket = context.channel as? any SocketOptionProvider {
                _ = socket.setSoLinger(Self.abortiveLinger)
            }
            context.close(promise: nil)
        case .stall(let duration):
            pending = context.eventLoop.assumeIsolated().scheduleTask(in: duration) {
                self.pending = nil
                context.close(promise: nil)
            }
        }
    }

    /// `SO_LINGER` on with a zero timeout, so that closing sends an RST. Built from its two
    /// C ints because the C struct's initializer lives in a module NIO does not export.
    private static let abortiveLinger: NIOLinger = {
        precondition(MemoryLayout<NIOLinger>.size == MemoryLayout<(Int32, Int32)>.size)
        return unsafeBitCast((Int32(1), Int32(0)), to: NIOLinger.self)
    }()

    private func write(
        _ response: ServerResponse, head: HTTPRequestHead, context: ChannelHandlerContext
    ) {
        let keepAlive = head.isKeepAlive
        var headers = HTTPHeaders()
        headers.reserveCapacity(4)
        headers.add(name: "content-type", value: "application/json")
        headers.add(name: "content-length", value: String(response.body.readableBytes))
        if let seconds = response.retryAfter {
            headers.add(name: "retry-after", value: String(seconds))
        }
        if !keepAlive { headers.add(name: "connection", value: "close") }
        let responseHead = HTTPResponseHead(
            version: head.version, status: HTTPResponseStatus(statusCode: response.status),
            headers: headers)
        context.write(wrapOutboundOut(.head(responseHead)), promise: nil)
        context.write(wrapOutboundOut(.body(.byteBuffer(response.body))), promise: nil)
        if keepAlive {
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: nil)
        } else {
            let promise = context.eventLoop.makePromise(of: Void.self)
            context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: promise)
            promise.futureResult.assumeIsolated().whenComplete { _ in
                context.close(promise: nil)
            }
        }
    }
}
