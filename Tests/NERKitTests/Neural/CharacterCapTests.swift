import Testing

@testable import NERKit

/// The characters of a word the character BiLSTM reads: all of a word of up to 60, else
/// its first and last 30 (issue 17: a 1 MB token made an epoch take minutes).
struct CharacterCapTests {
  static func scalars(_ s: String) -> [Unicode.Scalar] { Array(s.unicodeScalars) }

  @Test(arguments: [0, 1, 59, 60])
  func shortWordsAreReadWhole(length: Int) {
    let word = String((0..<length).map { Character(UnicodeScalar(0x61 + $0 % 26)!) })
    #expect(NeuralCRF.readCharacters(of: word) == Self.scalars(word))
  }

  @Test(arguments: [61, 62, 1_000, 100_000])
  func longWordsAreReadAtBothEnds(length: Int) {
    let word = String((0..<length).map { Character(UnicodeScalar(0x4E00 + $0 % 500)!) })
    let all = Self.scalars(word)
    #expect(NeuralCRF.readCharacters(of: word) == Array(all.prefix(30) + all.suffix(30)))
  }

  @Test func theCharacterIDsOfALongTokenAreItsEnds() {
    let model = NeuralGradientTests.toy().0
    let long = String(repeating: "a", count: 30) + String(repeating: "b", count: 10_000) + String(repeating: "c", count: 30)
    let capped = String(repeating: "a", count: 30) + String(repeating: "c", count: 30)
    #expect(model.encode([long], language: nil).characters == model.encode([capped], language: nil).characters)
    #expect(model.encode([long], language: nil).characters[0].count == 60)
  }

  @Test func trainingKnowsOnlyTheCharactersTheNetworkReads() {
    var corpus = NeuralCorpus(labels: ["O"])
    corpus.add(tokens: [String(repeating: "a", count: 30) + "Ж" + String(repeating: "b", count: 30)], labels: [0], language: "xx", weight: 1)
    let model = corpus.makeModel(configuration: NeuralGradientTests.smallConfiguration(), seed: 1)
    #expect(model.characters == [0x61, 0x62])
  }
}
