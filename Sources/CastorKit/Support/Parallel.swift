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

extension Locked {
    /// The value `making` gives the first time, made once (under the lock), then kept.
    public func once<Made>(_ making: () throws -> Made) rethrows -> Made where Value == Made? {
        try withLock { value in
            if let value { return value }
            let made = try making()
            value = made
            return made
        }
    }

    /// The value at `key`, made by `making` the first time it is asked for (once, under the
    /// lock), then kept.
    public func value<Key: Hashable, Made>(at key: Key, _ making: () throws -> Made) rethrows -> Made
    where Value == [Key: Made] {
        try withLock { table in
            if let found = table[key] { return found }
            let made = try making()
            table[key] = made
            return made
        }
    }
}

extension Array where Element: Sendable {
    /// Maps every element on all cores, keeping the order. Work is handed out in chunks so
    /// small items do not drown in scheduling, and small enough (`chunkSize`) that no core is
    /// left alone with a long run of slow items at the end.
    public func parallelMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        let count = self.count
        if count == 0 { return [] }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        let chunk = Array.chunkSize(count, cores: ProcessInfo.processInfo.activeProcessorCount)
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
}

/// Runs `side` on another thread while `main` runs on this one, and returns once both are
/// done, with `side`'s result (`main` thrown or not).
public func alongside<Side: Sendable, Main>(_ side: @escaping @Sendable () -> Side, _ main: () throws -> Main) rethrows -> (Side, Main) {
    let result = Locked<Side?>(nil)
    let group = DispatchGroup()
    DispatchQueue.global().async(group: group) {
        let value = side()
        result.withLock { $0 = value }
    }
    defer { group.wait() }  // when `main` throws
    let mainResult = try main()
    group.wait()  // before reading `side`'s result (a `defer` would run after it)
    return (result.withLock { $0! }, mainResult)
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

extension Array {
    /// Items per chunk of `parallelMap`: about 64 chunks per core, at most 64 items each.
    /// (With 8 chunks per core, the last chunk of a 13,579-page build held its 850 slowest
    /// pages, which one core rendered alone for 3 s.)
    static func chunkSize(_ count: Int, cores: Int) -> Int {
        Swift.max(1, Swift.min(64, count / (Swift.max(1, cores) * 64)))
    }
}
