/// Fast single-precision activations: the rational approximation of tanh that Eigen
/// uses (`generic_fast_tanh_float`, a 13/6 polynomial ratio on [-7.9, 7.9], within a few
/// ulp of tanh), and the logistic function through it. glibc's tanhf took half of the
/// network's time; these have no branches and no calls, so loops over them vectorize.
@inline(__always)
func fastTanh(_ x0: Float) -> Float {
  let x = min(max(x0, -7.90531110763549805), 7.90531110763549805)
  let x2 = x * x
  var p: Float = -2.76076847742355e-16
  p = p * x2 + 2.00018790482477e-13
  p = p * x2 + -8.60467152213735e-11
  p = p * x2 + 5.12229709037114e-08
  p = p * x2 + 1.48572235717979e-05
  p = p * x2 + 6.37261928875436e-04
  p = p * x2 + 4.89352455891786e-03
  p = p * x
  var q: Float = 1.19825839466702e-06
  q = q * x2 + 1.18534705686654e-04
  q = q * x2 + 2.26843463243900e-03
  q = q * x2 + 4.89352518554385e-03
  return p / q
}

/// The logistic function 1 / (1 + e^-x), as (1 + tanh(x / 2)) / 2.
@inline(__always)
func sigmoid(_ x: Float) -> Float { 0.5 + 0.5 * fastTanh(0.5 * x) }
