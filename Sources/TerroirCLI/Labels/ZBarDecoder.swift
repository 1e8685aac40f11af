import Dispatch
import Foundation

/// Decodes QR codes in image files with ZBar's `zbarimg`, an independent decoder: many
/// files a run, two runs at a time, reading its XML output.
struct ZBarDecoder {
    let executable: String
    static let filesPerRun = 100

    /// The texts of the QR codes in each file it found any in, by path, in the order
    /// zbarimg found them (a label has one; a page of a sheet many).
    func decode(_ paths: [String]) throws -> [String: [String]] {
        let runs = stride(from: 0, to: paths.count, by: Self.filesPerRun).map { Array(paths[$0..<min(paths.count, $0 + Self.filesPerRun)]) }
        let results = ResultBox()
        DispatchQueue.concurrentPerform(iterations: runs.count) { index in
            do {
                results.add(try run(runs[index]))
            } catch {
                results.fail(error)
            }
        }
        if let error = results.error { throw error }
        return results.decoded
    }

    private func run(_ paths: [String]) throws -> [String: [String]] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [executable, "--xml", "--quiet", "-Sdisable", "-Sqrcode.enable"] + paths
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw CLIError(zh: "无法运行 \(executable)（请安装 zbar-tools）", en: "cannot run \(executable) (install zbar-tools)")
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        // 0: all decoded; 4: some file had no symbol. Anything else is a failure.
        guard process.terminationStatus == 0 || process.terminationStatus == 4 else {
            throw CLIError(zh: "\(executable) 失败（退出码 \(process.terminationStatus)）", en: "\(executable) failed (exit \(process.terminationStatus))")
        }
        return Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// `<source href='PATH'> … <data><![CDATA[TEXT]]></data> …`.
    static func parse(_ xml: String) -> [String: [String]] {
        var results: [String: [String]] = [:]
        for source in xml.components(separatedBy: "<source href='").dropFirst() {
            guard let end = source.range(of: "'>") else { continue }
            let path = String(source[..<end.lowerBound]).replacingOccurrences(of: "&apos;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
            var rest = source[end.upperBound...]
            while let start = rest.range(of: "<data><![CDATA["), let stop = rest.range(of: "]]></data>", range: start.upperBound..<rest.endIndex) {
                results[path, default: []].append(String(rest[start.upperBound..<stop.lowerBound]))
                rest = rest[stop.upperBound...]
            }
        }
        return results
    }

    private final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var decoded: [String: [String]] = [:]
        private(set) var error: (any Error)?

        func add(_ found: [String: [String]]) {
            lock.lock()
            decoded.merge(found) { first, _ in first }
            lock.unlock()
        }

        func fail(_ error: any Error) {
            lock.lock()
            if self.error == nil { self.error = error }
            lock.unlock()
        }
    }
}
