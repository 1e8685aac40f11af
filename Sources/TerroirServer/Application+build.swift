import BrandStandards
import CatalogStore
import DigitalLink
import Foundation
import Hummingbird
import Logging
import Measures
import ProductSpecs
import ServiceLifecycle
import UnixSignals

/// Builds the Terroir HTTP application over the store the configuration names.
/// - Throws: `StoreError` when the store cannot be opened.
public func buildApplication(configuration: ServerConfiguration) throws -> some ApplicationProtocol {
    let store = try CatalogStore(path: configuration.databasePath)
    // A version that came into force, or a standard that expired, while no command ran;
    // `StandardCalendarService` applies it again every minute while the server runs.
    try store.applyStandardCalendar(actor: "terroir-server")
    let logger = { var logger = Logger(label: "terroir-server"); logger.logLevel = .info; return logger }()
    let state = ServerState(store: store, configuration: configuration)
    let serverName = "terroir-server"
    return Application(
        router: buildRouter(state: state),
        // One handler per connection: it keeps that connection's pipelining state.
        server: .http1(configuration: .init(additionalChannelHandlers: [
            ResolverFastPath(answer: state.immediateResolverAnswer, serverName: serverName, logger: logger, instruments: state.instruments),
        ])),
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: serverName),
        services: [state.scans, StandardCalendarService(store: store)],
        logger: logger
    )
}

/// Serves until SIGTERM or SIGINT, then lets the requests in flight finish for at most
/// `gracePeriod` and cancels what is left (a download that would take an hour does not
/// keep the process alive).
/// - Throws: `StoreError` when the store cannot be opened, and what the server throws.
public func serve(configuration: ServerConfiguration, gracePeriod: Duration = .seconds(3)) async throws {
    let application = try buildApplication(configuration: configuration)
    var group = ServiceGroupConfiguration(services: [application], gracefulShutdownSignals: [.sigterm, .sigint], logger: application.logger)
    group.maximumGracefulShutdownDuration = gracePeriod
    group.maximumCancellationDuration = .seconds(1)
    try await ServiceGroup(configuration: group).run()
}

/// The router with every route and middleware, over `store`.
public func buildRouter(store: CatalogStore, configuration: ServerConfiguration, scans: ScanCounter? = nil) -> Router<TerroirRequestContext> {
    buildRouter(state: ServerState(store: store, configuration: configuration, scans: scans))
}

func buildRouter(state: ServerState) -> Router<TerroirRequestContext> {
    let router = Router(context: TerroirRequestContext.self)
    let configuration = state.configuration
    router.add(middleware: RequestLogMiddleware())
    router.add(middleware: RequestMetricsMiddleware(instruments: state.instruments))
    router.add(middleware: ProblemMiddleware())
    router.add(middleware: WriteInvalidationMiddleware(cache: state.cache))
    router.add(middleware: AuthMiddleware(cache: state.cache, limiter: RateLimiter(rate: configuration.requestsPerSecond, burst: configuration.burst)))
    state.addHealthRoutes(to: router)
    state.addBrandRoutes(to: router)
    state.addProducerRoutes(to: router)
    state.addProductRoutes(to: router)
    state.addProductImportRoutes(to: router)
    state.addLabelBatchRoutes(to: router)
    state.addCertificateRoutes(to: router)
    state.addCatalogRoutes(to: router)
    state.addResolverRoutes(to: router)
    return router
}
