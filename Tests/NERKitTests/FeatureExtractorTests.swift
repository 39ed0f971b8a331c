import Testing

@testable import NERKit

struct FeatureExtractorTests {
  @Test func observationsOfOneToken() {
    let o = FeatureExtractor.observations("McDonald's2")
    let names = FeatureExtractor.unigramNames
    func v(_ name: String) -> String { o[names.firstIndex(of: name)!] }
    #expect(v("w") == "McDonald's2")
    #expect(v("wl") == "mcdonald's2")
    #expect(v("shape") == "ULULLLLL'LD")
    #expect(v("shaped") == "ULUL'LD")
    #expect(v("type") == "InitUpper")
    #expect(v("p3") == "McD" && v("s4") == "d's2")
    #expect(v("cs") == "yes" && v("cd") == "yes" && v("ad") == "no")
    #expect(FeatureExtractor.observations("1996")[names.firstIndex(of: "4d")!] == "yes")
    #expect(FeatureExtractor.observations("12/05")[names.firstIndex(of: "d&/")!] == "yes")
    #expect(FeatureExtractor.tokenType(Array("EU")) == "AllUpper")
    #expect(FeatureExtractor.tokenType(Array("1.5")) == "AllDigit")
    #expect(FeatureExtractor.tokenType(Array("(")) == "AllSymbol")
    #expect(FeatureExtractor.tokenType(Array("Киев")) == "InitUpper")
  }

  @Test func templatesWindowsBigramsBagsAndBoundaries() {
    let f = FeatureExtractor().features(tokens: ["New", "York", "is", "big"])
    #expect(f.count == 4)
    #expect(f[0].contains("w[0]=New") && f[0].contains("w[1]=York") && f[0].contains("w[2]=is"))
    #expect(!f[0].contains { $0.hasPrefix("w[-1]=") })
    #expect(f[1].contains("w[-1]|w[0]=New|York"))
    #expect(f[1].contains("shaped[0]|shaped[1]=UL|L"))
    #expect(f[3].contains("w[-4..-1]=New") && f[0].contains("w[1..4]=big"))
    #expect(f[0].contains("__BOS__") && f[3].contains("__EOS__") && !f[1].contains("__BOS__"))
    // 31 observations at up to 5 offsets, bigrams of 3 at up to 4, bags, BOS/EOS.
    #expect(f[2].count == 31 * 4 + 3 * 3 + 2 + 1)
  }

  @Test func extraColumnsAndLanguageConjunction() {
    let fx = FeatureExtractor(extraColumns: ["pos"])
    let f = fx.features(tokens: ["EU", "rejects"], extra: [["NNP", "VBZ"]])
    #expect(f[0].contains("pos[0]=NNP") && f[0].contains("pos[0]|pos[1]=NNP|VBZ"))
    let l = FeatureExtractor.withLanguage(f, language: "uk")
    #expect(l[0].count == 2 * f[0].count)
    #expect(l[0].contains("w[0]=EU") && l[0].contains("uk|w[0]=EU"))
    // Word features only conjoined: no shared word, lowercase, word bigram or bag.
    let w = FeatureExtractor.withLanguage(f, language: "uk", sharingWords: false)
    let shared = w[0].filter { !$0.hasPrefix("uk|") }
    #expect(w[0].filter { $0.hasPrefix("uk|") } == f[0].map { "uk|\($0)" })
    #expect(!shared.contains("w[0]=EU") && !shared.contains("wl[0]=eu") && !shared.contains("w[0]|w[1]=EU|rejects")
      && !shared.contains("w[1..4]=rejects"))
    #expect(shared.contains("s2[0]=EU") && shared.contains("shaped[0]=U") && shared.contains("pos[0]=NNP"))
    #expect(shared.count == f[0].filter { !FeatureExtractor.isWordFeature($0) }.count && shared.count < f[0].count)
    let a = FeatureExtractor.withLanguage([[("w[0]=EU", 1.0), ("s1[0]=U", 0.5)]], language: "uk", sharingWords: false)
    #expect(a[0].map(\.0) == ["s1[0]=U", "uk|w[0]=EU", "uk|s1[0]=U"] && a[0].map(\.1) == [0.5, 1.0, 0.5])
  }
}
