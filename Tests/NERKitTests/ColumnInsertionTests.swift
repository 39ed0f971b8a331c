import Testing

@testable import NERKit

/// ColumnInsertion: a new column after the tokens, named in '# global.columns'.
struct ColumnInsertionTests {
  @Test func insertsAfterTheTokenAndNamesTheColumn() throws {
    let records = try readCoNLL("# global.columns = FORM NER\n-DOCSTART- O\n\nKyiv B-LOC\n")
    var out: [Record] = []
    for record in records {
      switch record {
      case .documentStart(var d):
        ColumnInsertion.insert(d.fields[0], at: 1, named: "ROMAN", into: &d)
        out.append(.documentStart(d))
      case .sentence(var s):
        let tag = s.tagColumn
        ColumnInsertion.insert(Column(key: "roman", values: s.tokens.map { $0.lowercased() }), at: 1, named: "ROMAN", into: &s)
        #expect(s.tagColumn == tag.map { $0 + 1 })
        out.append(.sentence(s))
      }
    }
    #expect(String(decoding: try writeCoNLL(out), as: UTF8.self)
      == "# global.columns = FORM ROMAN NER\n-DOCSTART- -DOCSTART- O\n\nKyiv kyiv B-LOC\n")
  }

  @Test func leavesAHeaderWithoutColumnNamesAlone() {
    var header: [HeaderLine] = [.pair(key: "id", value: "1")]
    ColumnInsertion.nameColumn("ROMAN", at: 1, in: &header)
    #expect(header == [.pair(key: "id", value: "1")])
  }
}
