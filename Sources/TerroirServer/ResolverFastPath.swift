import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTPTypes

/// Answers a resolver lookup whose data is in memory on the event loop that read the
/// request, beneath Hummingbird's router; everything else goes on to Hummingbird.
///
/// Why: every request through Hummingbird's router pays its async request pipeline
/// (a task per connection, hops between it and the channel, a writer for the
/// response). On this project's 2-core machine a static `200` through it ran at
/// 23,700 requests/s with no middleware, 23% of nginx's rate for a static file
/// (`wrk -t2 -c32`), so no resolver behind the router could reach the 25% the resolver
/// must. Labels are scanned far more often than anything else is asked for, so their
/// lookup gets this path. What it sends is `ServerState.immediateResolverAnswer`, the
/// value the router's route sends too, with the headers Hummingbird adds (`Date`,
/// `Server`, `Content-Length`), the same log line and the same metrics.
///
/// It answers only a `GET` without a key (the router's middleware checks keys) and
/// without `Connection: close` (Hummingbird closes the connection after answering
/// it), only while no request it passed on is still being answered (so that pipelined
/// answers keep their order), and only while the channel takes writes (so a client
/// that does not read gets Hummingbird's backpressure).
final class ResolverFastPath: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    typealias Answer = @Sendable (_ path: String, _ query: String?, _ accept: String?) -> ResolverAnswer?

    private let answer: Answer
    private let serverName: String
    private let logger: Logger
    private let instruments: RequestInstruments
    /// Requests passed on to Hummingbird whose response has not ended yet.
    private var passedOn = 0
    /// The answer to send when the request it answers has ended.
    private var pending: (answer: ResolverAnswer, path: String, start: ContinuousClock.Instant)?
    private var unflushed = false

    init(answer: @escaping Answer, serverName: String, logger: Logger, instruments: RequestInstruments) {
        self.answer = answer
        self.serverName = serverName
        self.logger = logger
        self.instruments = instruments
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let request):
            if passedOn == 0, request.method == .get, request.headerFields[.authorization] == nil, context.channel.isWritable,
               request.headerFields[.connection]?.lowercased() != "close" {
                let start = ContinuousClock.now
                let target = request.path ?? ""
                let question = target.utf8.firstIndex(of: UInt8(ascii: "?"))
                let path = String(target[..<(question ?? target.endIndex)])
                let query = question.map { String(target[target.index(after: $0)...]) }
                if let answer = answer(path, query, request.headerFields[.accept]) {
                    pending = (answer, path, start)
                    return
                }
            }
            passedOn += 1
            context.fireChannelRead(data)
        case .body:
            if pending == nil { context.fireChannelRead(data) }
        case .end:
            guard let pending else { return context.fireChannelRead(data) }
            self.pending = nil
            send(pending.answer, context: context)
            // Without Hummingbird's `hb.request.id`: it ties together the lines of one
            // request, and this path writes one.
            let status = pending.answer.status
            RequestLogMiddleware.log(to: logger, method: .get, path: pending.path, route: Self.route, status: status.code, since: pending.start)
            instruments.answered(route: Self.route, method: .get, status: status, since: pending.start)
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if unflushed {
            unflushed = false
            context.flush()
        }
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        if case .end = unwrapOutboundIn(data) { passedOn = max(0, passedOn - 1) }
        context.write(data, promise: promise)
    }

    /// The route the router's resolver is registered under, as its metrics and log name it.
    static let route = "/**"

    private func send(_ answer: ResolverAnswer, context: ChannelHandlerContext) {
        var headers = answer.headers
        headers[.contentLength] = String(answer.body.readableBytes)
        headers[.date] = HTTPDate.now
        headers[.server] = serverName
        context.write(wrapOutboundOut(.head(HTTPResponse(status: answer.status, headerFields: headers))), promise: nil)
        context.write(wrapOutboundOut(.body(answer.body)), promise: nil)
        context.write(wrapOutboundOut(.end(nil)), promise: nil)
        unflushed = true
    }
}
