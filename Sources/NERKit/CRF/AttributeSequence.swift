/// The attributes of a sequence: for each position, a list of (attribute id, value) pairs,
/// stored flat. Values are 1 for the usual binary features; CRFsuite's `attr:weight` gives
/// others.
public struct AttributeSequence: Equatable, Sendable {
  /// `offsets[t]..<offsets[t+1]` indexes the attributes of position `t`.
  public private(set) var offsets: [Int] = [0]
  public private(set) var ids: [Int32] = []
  public private(set) var values: [Double] = []

  public init() {}

  /// The number of positions.
  public var count: Int { offsets.count - 1 }

  /// Appends a position with these attributes.
  public mutating func append(_ attributes: [(id: Int, value: Double)]) {
    for (id, value) in attributes {
      ids.append(Int32(id))
      values.append(value)
    }
    offsets.append(ids.count)
  }

  /// Appends a position whose attributes all have value 1.
  public mutating func append(ids newIDs: [Int]) {
    for id in newIDs {
      ids.append(Int32(id))
      values.append(1)
    }
    offsets.append(ids.count)
  }
}
