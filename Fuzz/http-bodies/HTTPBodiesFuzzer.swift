import Dispatch
import CatalogStore
import Foundation
import FuzzSupport
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import TerroirServer
import TestSupport

/// Any bytes as the JSON body of each route that reads one, sent through the real
/// router with a key allowed to call it (the input's first byte picks the route). A
/// client's body may be refused with any 4xx; a 5xx is a bug, and stops the run.
struct Route {
    let method: HTTPRequest.Method
    let path: String
    let role: String
}

final class Session: @unchecked Sendable {
    let fixture: StoreFixture
    let tokens: [String: String]
    let routes: [Route]
    var client: (any TestClientProtocol)?
    let ready = DispatchSemaphore(value: 0)

    init() {
        fixture = try! StoreFixture()
        try! fixture.importAll([StoreFixture.rice("RICE-A")])
        let id = try! fixture.store.products().first!.id
        tokens = [
            "officer": try! fixture.store.createAPIKey(name: "officer", role: .officer, scope: ["sihong-4x"], actor: "fuzz").token,
            "producer": try! fixture.store.createAPIKey(name: "farm", role: .producer, scope: ["farm"], actor: "fuzz").token,
            "station": try! fixture.store.createAPIKey(name: "station", role: .station, scope: ["321324101"], actor: "fuzz").token,
        ]
        routes = [
            Route(method: .post, path: "/v1/producers", role: "officer"),
            Route(method: .post, path: "/v1/products/validate", role: "producer"),
            Route(method: .post, path: "/v1/products", role: "station"),
            Route(method: .put, path: "/v1/products/\(id)", role: "producer"),
            Route(method: .post, path: "/v1/label-batches", role: "producer"),
        ]
    }

    /// Starts the application in the testing framework's router mode and keeps its
    /// client for the inputs to come (the process ends with the run).
    func start() {
        let configuration = ServerConfiguration(databasePath: fixture.path, assetsPath: repository.appendingPathComponent("Assets").path,
                                                cacheRecheckSeconds: 0)
        let application = Application(router: buildRouter(store: fixture.store, configuration: configuration))
        Task.detached { [self] in
            try await application.test(.router) { client in
                self.client = client
                self.ready.signal()
                while true { try await Task.sleep(for: .seconds(3600)) }
            }
        }
        ready.wait()
    }

    func send(_ bytes: [UInt8]) -> (Route, Int) {
        let route = routes[Int(bytes.first ?? 0) % routes.count]
        let body = ByteBuffer(bytes: bytes.dropFirst())
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var status = 0
        let client = client!, token = tokens[route.role]!
        Task.detached {
            let headers: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
            status = (try? await client.execute(uri: route.path, method: route.method, headers: headers, body: body).status.code) ?? -1
            done.signal()
        }
        done.wait()
        return (route, status)
    }
}

nonisolated(unsafe) let session = Session()

@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let input = fuzzInput(data, size)
    let (route, status) = session.send(input)
    if status >= 500 || status < 0 {
        fatalError("\(route.method) \(route.path) answered \(status) for the body \(String(decoding: input.dropFirst(), as: UTF8.self))")
    }
    return 0
}

@_cdecl("fuzz_http_bodies_main")
func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    session.start()
    return runFuzzer(argc, argv, fuzzOne)
}
