import Foundation

/// `f(0..<count)` on every core (Dispatch's concurrentPerform), results in index order. Every write
/// holds the lock.
public func parallelMap<T>(_ count: Int, _ f: @Sendable (Int) -> T) -> [T] {
    let slots = OrderedSlots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in
        let value = f(i)
        slots.lock.lock()
        slots.storage[i] = value
        slots.lock.unlock()
    }
    return slots.storage.map { $0! }
}

private final class OrderedSlots<T>: @unchecked Sendable {
    var storage: [T?]
    let lock = NSLock()
    init(_ n: Int) { storage = Array(repeating: nil, count: n) }
}
