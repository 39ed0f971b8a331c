/// The discriminator of adversarial embedding alignment (Conneau et al. 2018, MUSE's
/// `Discriminator`): an MLP from a word vector to the logit of "this vector is a mapped
/// source vector", `layers` hidden layers of `hidden` units with leaky ReLU, then one
/// output unit. Its weights are one flat vector for ``Optimizer``: for each layer its
/// `out × in` weight matrix (row-major) then its `out` biases. Products go through
/// ``sgemm``.
struct Discriminator: Sendable {
  let dimension: Int
  let hidden: Int
  let layers: Int
  let slope: Float
  var parameters: [Float]

  /// A discriminator initialized as PyTorch's `nn.Linear`: every weight and bias uniform
  /// in ±1/√(inputs of its layer), from `random`.
  init(dimension: Int, hidden: Int, layers: Int, slope: Float, random: inout SeededRandom) {
    precondition(dimension > 0 && hidden > 0 && layers >= 0)
    self.dimension = dimension
    self.hidden = hidden
    self.layers = layers
    self.slope = slope
    parameters = []
    for l in 0...layers {
      let (i, o) = shape(l)
      let bound = 1 / Float(i).squareRoot()
      for _ in 0..<(o * i + o) { parameters.append(random.uniform(bound)) }
    }
  }

  /// Inputs and outputs of layer `l`.
  func shape(_ l: Int) -> (inputs: Int, outputs: Int) {
    (l == 0 ? dimension : hidden, l == layers ? 1 : hidden)
  }

  /// Where layer `l`'s weights start in ``parameters`` (its biases follow them).
  func offset(_ l: Int) -> Int {
    (0..<l).reduce(0) { sum, k in let (i, o) = shape(k); return sum + o * i + o }
  }

  /// The activations of a forward pass: `values[l]` is the input of layer `l` (rows ×
  /// its inputs), `values[layers + 1]` the logits.
  struct Pass {
    var rows: Int
    var values: [[Float]]
  }

  /// The logits of `rows` input vectors (`rows × dimension`, row-major).
  func forward(_ x: [Float], rows n: Int) -> Pass {
    precondition(x.count == n * dimension)
    var values = [x]
    parameters.withUnsafeBufferPointer { p in
      for l in 0...layers {
        let (i, o) = shape(l), w = offset(l)
        var z = [Float](repeating: 0, count: n * o)
        for r in 0..<n { for j in 0..<o { z[r * o + j] = p[w + o * i + j] } }
        values[l].withUnsafeBufferPointer { a in
          sgemm(false, true, n, o, i, a.baseAddress!, i, p.baseAddress! + w, i, beta: 1, &z, o)
        }
        if l < layers {
          for t in z.indices where z[t] < 0 { z[t] *= slope }
        }
        values.append(z)
      }
    }
    return Pass(rows: n, values: values)
  }

  /// Backpropagates `delta`, the loss gradient of each logit: adds the parameter
  /// gradient to `gradient` (as many values as ``parameters``) and returns the gradient
  /// of the inputs (`rows × dimension`).
  func backward(_ pass: Pass, delta logits: [Float], gradient: inout [Float]) -> [Float] {
    let n = pass.rows
    precondition(logits.count == n && gradient.count == parameters.count)
    var delta = logits
    parameters.withUnsafeBufferPointer { p in
      gradient.withUnsafeMutableBufferPointer { g in
        for l in stride(from: layers, through: 0, by: -1) {
          let (i, o) = shape(l), w = offset(l)
          pass.values[l].withUnsafeBufferPointer { a in
            sgemm(true, false, o, i, n, delta, o, a.baseAddress!, i, beta: 1, g.baseAddress! + w, i)
          }
          for r in 0..<n { for j in 0..<o { g[w + o * i + j] += delta[r * o + j] } }
          var input = [Float](repeating: 0, count: n * i)
          sgemm(false, false, n, i, o, delta, o, p.baseAddress! + w, i, beta: 0, &input, i)
          if l > 0 {
            let a = pass.values[l]
            for t in input.indices where a[t] <= 0 { input[t] *= slope }
          }
          delta = input
        }
      }
    }
    return delta
  }
}
