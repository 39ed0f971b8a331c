#if canImport(Glibc)
import Glibc
#endif

/// Limited-memory BFGS minimization, with OWL-QN (Andrew and Gao 2007) when an L1 term
/// is given, stopping as CRFsuite does.
///
/// The objective gives the value and gradient of its smooth part (for a CRF: the
/// negative log-likelihood plus the L2 term); the optimizer adds `c1 · |w|₁` itself.
/// Line search: backtracking on the Armijo condition (halving the step), projected onto
/// the current orthant under OWL-QN.
public struct LBFGS {
  public struct Options: Sendable {
    /// Coefficient of the L1 term (0: plain L-BFGS).
    public var c1 = 0.0
    /// Corrections kept (CRFsuite's num_memories).
    public var memories = 6
    /// Stop when |g| / max(1, |w|) < epsilon.
    public var epsilon = 1e-5
    /// Stop when the objective improved by less than `delta` (relative) over `period`
    /// iterations.
    public var period = 10
    public var delta = 1e-5
    public var maxIterations = Int.max
    /// Line search trials before giving up.
    public var maxLinesearch = 20
    public init() {}
  }

  /// Why the optimizer stopped.
  public enum Stop: Equatable, Sendable {
    case converged, noImprovement, maxIterations, lineSearchFailed, stopped
  }

  /// One iteration's figures, for progress reports.
  public struct Progress: Sendable {
    public var iteration: Int
    public var objective: Double
    public var gradientNorm: Double
    public var activeWeights: Int
    public var step: Double
  }

  public let options: Options

  public init(options: Options = Options()) { self.options = options }

  /// Minimizes from `w` (updated in place). `evaluate(w, &g)` returns f(w) and writes
  /// the gradient; `progress` is called after every iteration and may return false to
  /// stop.
  public func minimize(
    _ w: inout [Double], evaluate: ([Double], inout [Double]) -> Double,
    progress: (Progress, [Double]) -> Bool = { _, _ in true }
  ) -> Stop {
    let n = w.count
    let c1 = options.c1
    var g = [Double](repeating: 0, count: n)
    var f = evaluate(w, &g) + c1 * l1(w)
    var s: [[Double]] = []
    var y: [[Double]] = []
    var rho: [Double] = []
    var history: [Double] = [f]
    var pg = c1 > 0 ? pseudoGradient(w, g) : g
    if norm(pg) / max(1, norm(w)) < options.epsilon { return .converged }
    var iteration = 0
    while iteration < options.maxIterations {
      iteration += 1
      // Direction: -H · pseudo-gradient by the two-loop recursion.
      var d = pg.map { -$0 }
      var a = [Double](repeating: 0, count: s.count)
      for k in stride(from: s.count - 1, through: 0, by: -1) {
        a[k] = rho[k] * dot(s[k], d)
        axpy(-a[k], y[k], &d)
      }
      if let last = s.indices.last {
        let gamma = dot(s[last], y[last]) / dot(y[last], y[last])
        for i in 0..<n { d[i] *= gamma }
      }
      for k in 0..<s.count {
        let b = rho[k] * dot(y[k], d)
        axpy(a[k] - b, s[k], &d)
      }
      if c1 > 0 {
        // Keep only the components that descend along the pseudo-gradient.
        for i in 0..<n where d[i] * pg[i] >= 0 { d[i] = 0 }
      }
      var slope = dot(d, pg)
      if slope >= 0 {
        // Not a descent direction (can happen with stale curvature): restart.
        s.removeAll(); y.removeAll(); rho.removeAll()
        d = pg.map { -$0 }
        slope = dot(d, pg)
      }
      // Backtracking line search; the first step of the first iteration is 1/|d|.
      var step = s.isEmpty ? 1 / max(norm(d), 1e-12) : 1.0
      var wNew = w
      var gNew = g
      var fNew = f
      var accepted = false
      for _ in 0..<options.maxLinesearch {
        for i in 0..<n { wNew[i] = w[i] + step * d[i] }
        if c1 > 0 {
          // Stay in the orthant of w (or of -pg where w is 0).
          for i in 0..<n {
            let orthant = w[i] != 0 ? w[i] : -pg[i]
            if wNew[i] * orthant <= 0 { wNew[i] = 0 }
          }
        }
        fNew = evaluate(wNew, &gNew) + c1 * l1(wNew)
        var decrease = 0.0
        for i in 0..<n { decrease += pg[i] * (wNew[i] - w[i]) }
        if fNew <= f + 1e-4 * decrease { accepted = true; break }
        step *= 0.5
      }
      guard accepted else { return .lineSearchFailed }
      var sk = [Double](repeating: 0, count: n)
      var yk = [Double](repeating: 0, count: n)
      for i in 0..<n {
        sk[i] = wNew[i] - w[i]
        yk[i] = gNew[i] - g[i]
      }
      let sy = dot(sk, yk)
      if sy > 1e-16 {
        s.append(sk); y.append(yk); rho.append(1 / sy)
        if s.count > options.memories { s.removeFirst(); y.removeFirst(); rho.removeFirst() }
      }
      w = wNew
      g = gNew
      f = fNew
      pg = c1 > 0 ? pseudoGradient(w, g) : g
      history.append(f)
      let gnorm = norm(pg)
      let active = w.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
      if !progress(Progress(iteration: iteration, objective: f, gradientNorm: gnorm, activeWeights: active, step: step), w) {
        return .stopped
      }
      if gnorm / max(1, norm(w)) < options.epsilon { return .converged }
      if options.period > 0 && history.count > options.period {
        let before = history[history.count - 1 - options.period]
        if (before - f) / max(abs(f), 1e-300) < options.delta { return .noImprovement }
      }
    }
    return .maxIterations
  }

  /// The pseudo-gradient of f + c1 |w|₁ (the steepest-descent direction's negative).
  func pseudoGradient(_ w: [Double], _ g: [Double]) -> [Double] {
    let c1 = options.c1
    var pg = g
    for i in 0..<w.count {
      if w[i] > 0 {
        pg[i] = g[i] + c1
      } else if w[i] < 0 {
        pg[i] = g[i] - c1
      } else if g[i] + c1 < 0 {
        pg[i] = g[i] + c1
      } else if g[i] - c1 > 0 {
        pg[i] = g[i] - c1
      } else {
        pg[i] = 0
      }
    }
    return pg
  }

  @inline(__always) func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
  }

  @inline(__always) func norm(_ a: [Double]) -> Double { sqrt(dot(a, a)) }

  @inline(__always) func l1(_ a: [Double]) -> Double { a.reduce(0) { $0 + abs($1) } }

  @inline(__always) func axpy(_ alpha: Double, _ x: [Double], _ y: inout [Double]) {
    for i in 0..<x.count { y[i] += alpha * x[i] }
  }
}
