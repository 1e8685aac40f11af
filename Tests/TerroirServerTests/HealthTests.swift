import CatalogStore
import Foundation
import GRDBSQLite
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import ProductSpecs
import TestSupport
import Testing

/// `/healthz`, `/metrics` and `/openapi.json`, and a server that no stalled store call
/// can stop from answering.
struct HealthTests {
    @Test func healthzSaysTheStoreIsReadable() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.documented(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.json["status"] as? String == "ok")
        }
    }

    @Test func metricsCountRequestsByRouteAndScansByVerdict() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            _ = try await client.documented(uri: "/v1/brands", method: .get, headers: ServerFixture.headers(fixture.tokens["platform"]))
            _ = try await client.documented(uri: "/01/06901234567014/10/L1/21/999?s=forged", method: .get)
            let metrics = try await client.documented(uri: "/metrics", method: .get)
            #expect(metrics.status == .ok)
            #expect(metrics.headers[.contentType]?.hasPrefix("text/plain") == true)
            #expect(metrics.text.contains(#"hb_requests{http_route="/v1/brands",http_request_method="GET",http_response_status_code="200"}"#), "\(metrics.text.prefix(600))")
            #expect(metrics.text.contains(#"terroir_scans_total{verdict="not_issued"}"#), "\(metrics.text.prefix(600))")
            #expect(metrics.text.contains("# TYPE http_server_request_duration histogram"))
        }
    }

    @Test func theOpenAPIDocumentIsServed() async throws {
        let fixture = try ServerFixture()
        try await fixture.application.test(.router) { client in
            let response = try await client.documented(uri: "/openapi.json", method: .get)
            #expect(response.status == .ok)
            #expect((response.json["paths"] as? [String: Any])?["/v1/catalog/export"] != nil)
        }
    }

    /// Twelve writes wait for a lock another process holds (more than this machine has
    /// cores, fewer than the store's threads): `/healthz` and a catalog page must still
    /// be answered before the lock is let go. A handler that waited on a Swift
    /// concurrency thread would take those threads and leave nothing to answer with.
    @Test func writesWaitingForTheStoreStallNoOtherRequest() async throws {
        let fixture = try ServerFixture()
        let other = try WriteLock(path: fixture.fixture.path)
        let released = Latch()
        let release: @Sendable () async throws -> Void = {
            guard released.close() else { return }
            other.release()
        }
        try await fixture.application.test(.router) { client in
            try await withThrowingTaskGroup(of: Int.self) { writes in
                for index in 0..<12 {
                    writes.addTask {
                        let body = """
                            {"brand":"sihong-4x","sku":"WAIT-\(index)","category":"rice","name_zh":"新米","origin":"321324101",
                             "attributes":{"net_content":"5 kg","grade":"grade-1","moisture":"14.5%","variety":"南粳9108"}}
                            """
                        return try await client.documented(uri: "/v1/products", method: .post, headers: ServerFixture.headers(fixture.tokens["producer"]),
                                                        body: ByteBuffer(string: body)).status.code
                    }
                }
                // The safety valve: if the server cannot answer while the lock is held, let it go after 8 s.
                let valve = Task {
                    try await Task.sleep(for: .seconds(8))
                    try await release()
                }
                try await Task.sleep(for: .milliseconds(300))
                let health = try await client.documented(uri: "/healthz", method: .get)
                let page = try await client.documented(uri: "/v1/catalog/products", method: .get, headers: ServerFixture.headers(fixture.tokens["platform"]))
                #expect(!released.isClosed, "/healthz and the catalog waited for the lock to be let go")
                #expect(health.status == .ok && page.status == .ok)
                try await release()
                valve.cancel()
                var statuses: [Int] = []
                for try await status in writes { statuses.append(status) }
                #expect(statuses == Array(repeating: 201, count: 12))
            }
        }
    }
}

/// Set once, read from any task.
final class Latch: @unchecked Sendable {
    private let lock = NSLock()
    private var closed = false

    var isClosed: Bool { lock.withLock { closed } }

    /// Closes it; true the first time.
    func close() -> Bool {
        lock.withLock {
            defer { closed = true }
            return !closed
        }
    }
}

/// The store's write lock, held by a connection of its own, as another process would.
final class WriteLock: @unchecked Sendable {
    private var connection: OpaquePointer?

    init(path: String) throws {
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE, nil) == SQLITE_OK,
              sqlite3_exec(connection, "BEGIN IMMEDIATE", nil, nil, nil) == SQLITE_OK else {
            throw CocoaError(.fileReadUnknown)
        }
    }

    func release() {
        sqlite3_exec(connection, "COMMIT", nil, nil, nil)
    }

    deinit {
        sqlite3_close(connection)
    }
}
