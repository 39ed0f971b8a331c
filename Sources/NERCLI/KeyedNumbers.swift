/// Parses `KEY=NUMBER` options such as `--weight ru=0.5`.
public func keyedNumbers(_ values: [String], option: String) throws -> [String: Double] {
  var result: [String: Double] = [:]
  for v in values {
    let parts = v.split(separator: "=", maxSplits: 1)
    guard parts.count == 2, let number = Double(parts[1]), number.isFinite, number >= 0 else {
      throw ToolFailure("\(option) wants LANG=NUMBER (a number >= 0), not '\(v)'", status: ExitStatus.usage)
    }
    result[String(parts[0])] = number
  }
  return result
}
