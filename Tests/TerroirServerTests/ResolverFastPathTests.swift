import CatalogStore
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import NIOPosix
import TestSupport
import TerroirServer
import Testing

/// A resolver lookup whose data is in memory is answered beneath the router
/// (`ResolverFastPath`): the answers must be the router's, byte for byte, counted the
/// same, and in order when requests are pipelined. One test at a time: the count of
/// answers from memory is the process's metric, and only these tests serve live.
@Suite(.serialized) struct ResolverFastPathTests {
    /// The server as `terroir-server` runs it, on a free port, with a cache that
    /// trusts its memory for a minute.
    static func application(_ fixture: ServerFixture) throws -> some ApplicationProtocol {
        try buildApplication(configuration: ServerConfiguration(port: 0, databasePath: fixture.fixture.path, cacheRecheckSeconds: 60))
    }

    static func answeredFromMemory(_ client: some TestClientProtocol) async throws -> Int {
        let metrics = try await client.execute(uri: "/metrics", method: .get).text
        let line = metrics.split(separator: "\n").first { $0.hasPrefix("terroir_resolver_answered_from_memory_total ") }
        return line.flatMap { Int($0.split(separator: " ").last ?? "") } ?? 0
    }

    @Test func answersFromMemoryAreTheRoutersByteForByte() async throws {
        let fixture = try ServerFixture()
        try await Self.application(fixture).test(.live) { client in
            // A URI without a serial counts no scan: the two answers must be equal.
            let uri = "/01/06901234567014"
            _ = try await client.execute(uri: uri, method: .get)  // now in memory
            let before = try await Self.answeredFromMemory(client)
            for accept in ["application/json", "text/html", "application/ld+json", "application/linkset+json"] {
                // A request with a key always goes through the router (its middleware checks the key).
                let routed = try await client.execute(uri: uri, method: .get, headers: ServerFixture.headers(fixture.tokens["platform"], [.accept: accept]))
                let fromMemory = try await client.execute(uri: uri, method: .get, headers: [.accept: accept])
                #expect(routed.status == (accept == "text/html" ? .temporaryRedirect : .ok) && fromMemory.status == routed.status, "\(accept)")
                #expect(String(buffer: fromMemory.body) == String(buffer: routed.body), "\(accept)")
                for name: HTTPField.Name in [.contentType, .vary, .cacheControl, .server, .contentLength, .location, HTTPField.Name("Link")!,
                                             .accessControlAllowOrigin] {
                    #expect(fromMemory.headers[name] == routed.headers[name], "\(accept): \(name)")
                }
                #expect(fromMemory.headers[.date]?.hasSuffix(" GMT") == true)
                #expect(fromMemory.headers[.contentLength] == String(fromMemory.body.readableBytes))
            }
            let after = try await Self.answeredFromMemory(client)
            #expect(after == before + 4, "the second of each pair came from memory: \(before) -> \(after)")
        }
    }

    @Test func scansAreCountedTheSameOnBothPaths() async throws {
        let fixture = try ServerFixture()
        try await Self.application(fixture).test(.live) { client in
            let issued = try await client.execute(uri: "/v1/label-batches", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                  body: ByteBuffer(string: "{\"product\":\(fixture.certifiedID),\"lot\":\"L2026\",\"count\":2}"))
            let manifest = issued.json["manifest"] as? [[String: Any]] ?? []
            let uri = ResolverTests.path(try #require(manifest.first?["uri"] as? String))
            let page = "/verify" + uri
            let json: HTTPFields = [.accept: "application/json"]
            #expect(try await client.execute(uri: uri, method: .get, headers: json).json["scans"] as? Int == 0)  // read from the store
            let before = try await Self.answeredFromMemory(client)
            for scan in 1...3 {
                // The page counts the scan; the JSON fetch reads the count and counts none.
                let shown = try await client.execute(uri: page, method: .get, headers: [.accept: "text/html"])
                #expect(shown.text.contains("data-verdict=\"genuine\""))
                let answer = try await client.execute(uri: uri, method: .get, headers: json)
                #expect(answer.json["verdict"] as? String == "genuine" && answer.json["scans"] as? Int == scan, "\(answer.text.prefix(200))")
            }
            let forged = String(page.dropLast(3)) + "AAA"
            for _ in 1...2 {
                let shown = try await client.execute(uri: forged, method: .get, headers: [.accept: "text/html"])
                #expect(shown.text.contains("data-verdict=\"not_issued\""))
            }
            // Every one of these came from memory: the serial and its count were remembered.
            let after = try await Self.answeredFromMemory(client)
            #expect(after == before + 8, "\(before) -> \(after)")

            // Voided over HTTP: the store's data version moves, so the next lookup reads
            // the store, and the one after comes from memory; both say "voided".
            let batch = try #require(issued.json["id"] as? Int)
            let void = try await client.execute(uri: "/v1/label-batches/\(batch)/void", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                body: ByteBuffer(string: #"{"serials":"1","reason":"misprint"}"#))
            #expect(void.status == .ok && void.json["voided"] as? Int == 1, "\(void.text)")
            for _ in 1...2 {
                let voided = try await client.execute(uri: page, method: .get, headers: [.accept: "text/html"])
                #expect(voided.text.contains("data-verdict=\"voided\"") && voided.text.contains("已作废"), "\(voided.text.prefix(300))")
            }
            #expect(try await Self.answeredFromMemory(client) == after + 1)

            // A key sent with a lookup is still checked by the router's middleware.
            let badKey = try await client.execute(uri: uri, method: .get, headers: ServerFixture.headers("not-a-key"))
            #expect(badKey.status == .unauthorized)
            // What the resolver does not answer from memory still gets the router's answer.
            #expect(try await client.execute(uri: "/01/06901234567015", method: .get).status == .badRequest)
            #expect(try await client.execute(uri: "/01/09520123456788", method: .get).status == .notFound)
        }
    }

    @Test func pipelinedAnswersKeepTheirOrder() async throws {
        let fixture = try ServerFixture()
        try await Self.application(fixture).test(.live) { client in
            let lookup = "/01/06901234567014"
            _ = try await client.execute(uri: lookup, method: .get)  // now in memory
            let port = try #require(client.port)
            // One write: a request the router answers, a lookup the fast path could
            // answer at once, and a last one that closes the connection.
            let requests = "GET /openapi.json HTTP/1.1\r\nHost: t\r\n\r\nGET \(lookup) HTTP/1.1\r\nHost: t\r\nAccept: application/json\r\n\r\n"
                + "GET /healthz HTTP/1.1\r\nHost: t\r\nConnection: close\r\n\r\n"
            let received = try await Self.exchange(requests, port: port)
            let answers = received.text.components(separatedBy: "HTTP/1.1 200 OK").dropFirst()
            #expect(answers.count == 3, "\(received.text.prefix(300))")
            let order = answers.map { $0.contains("\"openapi\"") ? "openapi" : $0.contains("\"verdict\"") ? "resolver" : $0.contains("\"status\"") ? "health" : "?" }
            #expect(order == ["openapi", "resolver", "health"])
            #expect(received.closedByServer)

            // A lookup that asks to close the connection has it closed after its answer.
            let closing = try await Self.exchange("GET \(lookup) HTTP/1.1\r\nHost: t\r\nAccept: application/json\r\nConnection: close\r\n\r\n", port: port)
            #expect(closing.text.hasPrefix("HTTP/1.1 200 OK") && closing.text.contains("\"verdict\""))
            #expect(closing.closedByServer, "the server kept the connection open")
        }
    }

    /// Writes `requests` on a new connection and reads until the server closes it, or
    /// for at most five seconds (then the client closes it).
    static func exchange(_ requests: String, port: Int) async throws -> (text: String, closedByServer: Bool) {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
        }
        let deadline = channel.channel.eventLoop.scheduleTask(in: .seconds(5)) { channel.channel.close(promise: nil) }
        let text = try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(string: requests))
            var received = ByteBuffer()
            do {
                for try await chunk in inbound { received.writeImmutableBuffer(chunk) }
            } catch {}
            return String(buffer: received)
        }
        // Cancelling fails the deadline's future only if it had not fired yet.
        deadline.cancel()
        let closedByServer = (try? await deadline.futureResult.get()) == nil
        return (text, closedByServer)
    }
}
