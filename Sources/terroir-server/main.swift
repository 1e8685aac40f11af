import Foundation
import NIOCore
import NIOPosix
import TerroirServer

// Swift concurrency's jobs run on NIO's event loops, the threads that read and write
// the sockets, instead of hopping to the cooperative pool and back for every request:
// measured by `Tools/bench http`, the resolver answers about twice as many requests a
// second. Nothing may block those threads: the store is read and written on
// `StoreThreads`, a pool of its own.
NIOSingletons.unsafeTryInstallSingletonPosixEventLoopGroupAsConcurrencyGlobalExecutor()

// The request log's timestamps are local time (swift-log's `StreamLogHandler` calls
// `localtime`). With `TZ` unset, glibc stats `/etc/localtime` on every call, a system
// call per request line that showed in `perf record`; naming the same file in `TZ`
// keeps the times as they were and reads the zone once.
setenv("TZ", ":/etc/localtime", 0)
exit(await TerroirServerCommand.main())
