import Foundation
import Testing

@testable import NERKit

struct LBFGSTests {
  @Test func quadraticReachesItsMinimum() {
    // f = Σ a_i (w_i - b_i)²
    let a = [1.0, 10, 0.5, 3, 100]
    let b = [1.0, -2, 3, 0.5, -0.25]
    var w = [Double](repeating: 0, count: 5)
    var options = LBFGS.Options()
    options.epsilon = 1e-10
    let stop = LBFGS(options: options).minimize(&w) { w, g in
      var f = 0.0
      for i in 0..<5 {
        f += a[i] * (w[i] - b[i]) * (w[i] - b[i])
        g[i] = 2 * a[i] * (w[i] - b[i])
      }
      return f
    }
    #expect(stop == .converged)
    for i in 0..<5 { #expect(abs(w[i] - b[i]) < 1e-6) }
  }

  @Test func rosenbrock() {
    var w = [-1.2, 1.0]
    var options = LBFGS.Options()
    options.epsilon = 1e-9
    options.period = 0
    options.maxIterations = 500
    _ = LBFGS(options: options).minimize(&w) { w, g in
      let x = w[0], y = w[1]
      g[0] = -2 * (1 - x) - 400 * x * (y - x * x)
      g[1] = 200 * (y - x * x)
      return (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
    }
    #expect(abs(w[0] - 1) < 1e-4 && abs(w[1] - 1) < 1e-4)
  }

  @Test func l1GivesSoftThresholdingAndExactZeros() {
    // f = ½ Σ (w_i - b_i)² + c1 |w|₁ has w_i = sign(b_i) max(|b_i| - c1, 0).
    let b = [2.0, -0.3, 0.05, -1.5, 0.8, 0]
    let c1 = 0.5
    var w = [Double](repeating: 0, count: b.count)
    var options = LBFGS.Options()
    options.c1 = c1
    options.epsilon = 1e-10
    options.period = 0
    options.maxIterations = 200
    _ = LBFGS(options: options).minimize(&w) { w, g in
      var f = 0.0
      for i in 0..<b.count {
        f += 0.5 * (w[i] - b[i]) * (w[i] - b[i])
        g[i] = w[i] - b[i]
      }
      return f
    }
    for i in 0..<b.count {
      let expected = (b[i] < 0 ? -1.0 : 1.0) * max(abs(b[i]) - c1, 0)
      #expect(abs(w[i] - expected) < 1e-6, "w[\(i)] = \(w[i]), expected \(expected)")
      if expected == 0 { #expect(w[i] == 0) }
    }
  }

  @Test func stopsAfterMaxIterationsAndWhenAsked() {
    var w = [5.0, 5.0]
    var options = LBFGS.Options()
    options.maxIterations = 2
    options.epsilon = 0
    options.period = 0
    let f: ([Double], inout [Double]) -> Double = { w, g in
      g[0] = 2 * w[0] + w[1]
      g[1] = w[0] + 4 * w[1]
      return w[0] * w[0] + w[0] * w[1] + 2 * w[1] * w[1] + 1
    }
    #expect(LBFGS(options: options).minimize(&w, evaluate: f) == .maxIterations)
    var calls = 0
    options.maxIterations = 100
    var w2 = [5.0, 5.0]
    let stop = LBFGS(options: options).minimize(&w2, evaluate: f) { _, _ in
      calls += 1
      return calls < 3
    }
    #expect(stop == .stopped && calls == 3)
  }

  @Test func trainsATinyCRF() {
    // Two labels; attribute 0 means label 0, attribute 1 means label 1.
    var model = CRFModel(labelCount: 2, attributeCount: 2)
    var data: [(AttributeSequence, [Int])] = []
    for pattern in [[0, 1, 1], [1, 0], [0, 0, 1, 0]] {
      var x = AttributeSequence()
      for y in pattern { x.append(ids: [y]) }
      data.append((x, pattern))
    }
    var w = model.weights
    let c2 = 0.1
    _ = LBFGS().minimize(&w) { w, g in
      var m = model
      m.weights = w
      for i in 0..<g.count { g[i] = 2 * c2 * w[i] }
      var f = c2 * w.reduce(0) { $0 + $1 * $1 }
      for (x, y) in data { f -= LogLikelihood.accumulate(model: m, x: x, labels: y, into: &g) }
      return f
    }
    model.weights = w
    for (x, y) in data {
      #expect(Viterbi.decode(scores: model.stateScores(x), transition: model.transition, labelCount: 2).labels == y)
    }
  }
}
