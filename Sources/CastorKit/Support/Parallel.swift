import Foundation

/// A lock-protected value, for results gathered by parallel loops.
public final class Locked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    public init(_ value: Value) { self.value = value }

    public func withLock<Result>(_ body: (inout Value) throws -> Result) rethrows -> Result {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. Work is handed out in chunks so
    /// small items do not drown in scheduling.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count == 0 { return [] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        let output = UncheckedBuffer(results)
        self.withUnsafeBufferPointer { input in
            let source = UncheckedInput(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                let end = Swift.min(count, start + chunk)
                for i in start..<end {
                    output.buffer[i] = transform(source.buffer[i])
                }
            }
        }
        // Moved out, not copied: the buffer is deallocated without its elements being
        // destroyed, so a copy would keep every result (and all it holds) alive for good.
        return (0..<count).map { results.moveElement(from: $0)! }
    }

    /// Runs `body` on slices of the array on all cores (chunked like `parallelMap`), so each
    /// worker can keep its own state for a whole slice.
    public func parallelChunks(_ body: @Sendable (ArraySlice<Element>) -> Void) {
        let count = self.count
        if count == 0 { return }
        let chunk = Swift.max(1, count / (ProcessInfo.processInfo.activeProcessorCount * 8))
        let chunks = (count + chunk - 1) / chunk
        self.withUnsafeBufferPointer { input in
            let source = UncheckedInput(input)
            DispatchQueue.concurrentPerform(iterations: chunks) { index in
                let start = index * chunk
                let end = Swift.min(count, start + chunk)
                body(ArraySlice(source.buffer[start..<end]))
            }
        }
    }
}

/// Each parallel iteration writes to its own slots only.
private struct UncheckedBuffer<T>: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<T?>
    init(_ buffer: UnsafeMutableBufferPointer<T?>) { self.buffer = buffer }
}

private struct UncheckedInput<T>: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<T>
    init(_ buffer: UnsafeBufferPointer<T>) { self.buffer = buffer }
}
