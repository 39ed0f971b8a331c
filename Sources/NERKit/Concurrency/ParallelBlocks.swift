import Dispatch
import Synchronization

/// Runs `body(0..<count)` on up to `threads` threads, each taking the next block number
/// from a shared counter. `body` must write only what its block owns.
func parallelBlocks(_ count: Int, threads: Int, _ body: (Int) -> Void) {
  let workers = max(1, min(threads, count))
  if workers == 1 {
    for i in 0..<count { body(i) }
    return
  }
  let next = BlockCounter()
  withoutActuallyEscaping(body) { body in
    let f = UnsafeSendable(body)
    DispatchQueue.concurrentPerform(iterations: workers) { _ in
      while true {
        let i = next.take()
        if i >= count { break }
        f.value(i)
      }
    }
  }
}

/// ``parallelBlocks(_:threads:_:)`` with per-thread state made by `state` (scratch
/// buffers), made once per thread that takes part.
func parallelBlocks<State>(_ count: Int, threads: Int, state: () -> State, _ body: (inout State, Int) -> Void) {
  let workers = max(1, min(threads, count))
  if workers == 1 {
    guard count > 0 else { return }
    var s = state()
    for i in 0..<count { body(&s, i) }
    return
  }
  let next = BlockCounter()
  withoutActuallyEscaping(body) { body in
    withoutActuallyEscaping(state) { state in
      let f = UnsafeSendable((body, state))
      DispatchQueue.concurrentPerform(iterations: workers) { _ in
        var s = f.value.1()
        while true {
          let i = next.take()
          if i >= count { break }
          f.value.0(&s, i)
        }
      }
    }
  }
}

/// A shared counter handing out block numbers, for ``parallelBlocks(_:threads:_:)``.
final class BlockCounter: Sendable {
  private let value = Atomic<Int>(0)
  func take() -> Int { value.add(1, ordering: .relaxed).oldValue }
}
