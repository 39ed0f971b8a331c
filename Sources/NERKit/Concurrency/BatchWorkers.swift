import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Maps batches of items on several threads, each thread with its own worker (ICU
/// iterators, transliterators and taggers are not thread-safe), returning results in
/// input order, so output is the same bytes whatever the thread count.
public final class BatchWorkers<Worker> {
  private let workers: [Worker]

  /// The number of online processors.
  public static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

  /// `threads` workers made by `make` (at least one).
  public init(threads: Int, make: () throws -> Worker) rethrows {
    workers = try (0..<max(1, threads)).map { _ in try make() }
  }

  public var threads: Int { workers.count }

  /// `transform` applied to every item, in order. Each thread takes a contiguous share.
  public func map<Item, Result>(_ items: [Item], _ transform: (Worker, Item) -> Result) -> [Result] {
    let n = items.count
    if workers.count == 1 || n < 2 * workers.count {
      return items.map { transform(workers[0], $0) }
    }
    let shares = FixedPartition.shares(n, parts: workers.count)
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: n)
    results.initialize(repeating: nil)
    // Deinitialize before freeing: the results hold arrays and objects, which would
    // otherwise never be released (memory grew with the input).
    defer {
      _ = results.deinitialize()
      results.deallocate()
    }
    let box = UnsafeSendable(results)
    let items = UnsafeSendable(items)
    let pool = UnsafeSendable(self.workers)
    withoutActuallyEscaping(transform) { transform in
      let f = UnsafeSendable(transform)
      DispatchQueue.concurrentPerform(iterations: shares.count) { k in
        for i in shares[k] { box.value[i] = f.value(pool.value[k], items.value[i]) }
      }
    }
    return results.map { $0! }
  }
}

/// Hands a value to other threads where the caller guarantees exclusive, joined use.
struct UnsafeSendable<T>: @unchecked Sendable {
  var value: T
  init(_ value: T) { self.value = value }
}
