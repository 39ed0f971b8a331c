/// The attributes of a sequence: for each position, a list of (attribute id, value) pairs,
/// stored flat. Values are 1 for the usual binary features (then no value is stored at
/// all); CRFsuite's `attr:weight` gives others.
public struct AttributeSequence: Equatable, Sendable {
  /// `offsets[t]..<offsets[t+1]` indexes the attributes of position `t`.
  public private(set) var offsets: [Int32] = [0]
  public private(set) var ids: [Int32] = []
  /// The value of each attribute, or empty when every value is 1.
  public private(set) var storedValues: [Double] = []

  public init() {}

  /// The number of positions.
  public var count: Int { offsets.count - 1 }

  /// The attribute entries of position `t`.
  @inline(__always)
  public func range(_ t: Int) -> Range<Int> { Int(offsets[t])..<Int(offsets[t + 1]) }

  /// The value of entry `k`.
  @inline(__always)
  public func value(_ k: Int) -> Double { storedValues.isEmpty ? 1 : storedValues[k] }

  /// Appends a position with these attributes.
  public mutating func append(_ attributes: [(id: Int, value: Double)]) {
    for (id, value) in attributes {
      if value != 1 && storedValues.isEmpty {
        storedValues = [Double](repeating: 1, count: ids.count)
      }
      ids.append(Int32(id))
      if !storedValues.isEmpty { storedValues.append(value) }
    }
    offsets.append(Int32(ids.count))
  }

  /// Appends a position whose attributes all have value 1.
  public mutating func append(ids newIDs: [Int]) {
    for id in newIDs {
      ids.append(Int32(id))
      if !storedValues.isEmpty { storedValues.append(1) }
    }
    offsets.append(Int32(ids.count))
  }

  /// Frees unused capacity (for training sets held in memory).
  public mutating func shrink() {
    offsets = Array(offsets[...])
    ids = Array(ids[...])
    if !storedValues.isEmpty { storedValues = Array(storedValues[...]) }
  }
}
