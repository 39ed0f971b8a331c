/// The ICU transform rules behind `ner-romanize`: any script to case-preserving ASCII
/// Latin, comparable to uroman's output, through ICU's own transliterators
/// (`Any-Latin`, `Latin-ASCII`, `Any-Devanagari`) plus the project's rules where ICU
/// falls short for NER.
///
/// `passes(language:)` lists the passes: each one a system transform (by ID) or a run
/// of conversion rules of its own; ``Romanizer`` applies them one after another to
/// each token, skipping those that cannot change it. `rules(language:)` writes the
/// same passes as one complete rule text, to be compiled with
/// `utrans_openU(id, -1, UTRANS_FORWARD, rules, length, &parseError, &status)` (or
/// given to `uconv -x`): a compound transform, in which each `::ID;` line runs one of
/// ICU's transliterators and each run of conversion rules between them is a pass of
/// its own. Both give the same romanization. The passes, in order:
///
/// 1. `common`: NFC (the script rules are written for NFC text; NFC keeps Devanagari
///    and Bengali nukta letters decomposed, as base + nukta: the rules spell both);
///    native digits of every script to ASCII digits; zero-width joiners dropped
///    inside non-Latin words; the input's own separators (space, `-`, `~`,
///    apostrophes and modifier letters) set aside as noncharacters.
/// 2. Script passes, each writing its script as ASCII: Cyrillic (Russian,
///    Ukrainian, or generic), Armenian and Hebrew (the letters ICU writes poorly),
///    the Arabic script (Arabic, Urdu; Persian values with `fa`), Bengali, Sinhala,
///    Devanagari (with the other Indic scripts through ICU's `Any-Devanagari`).
/// 3. `post`: `::Any-Latin;` for every other script (Greek, Georgian, Thai, Hangul,
///    Han, kana, Ethiopic...); the separators ICU inserted (spaces between Han
///    syllables and Thai words, hyphens between Hangul syllables, apostrophes...)
///    deleted and the input's own put back; `::Latin-ASCII;`; the few letters
///    Latin-ASCII leaves (ə, ǝ, ʷ) folded.
///
/// Latin text passes through unchanged except for NFC and that ASCII folding: no
/// rule before `Any-Latin` matches a Latin letter, and the separators it holds are
/// put back as they were. The rules depend on no ICU data beyond the standard
/// transliterators named above (all in ICU 72's default data).
///
/// Every conversion rule has a key of at least one character (no insertion rules such
/// as `a { } b > c;`): a pass of rules cannot change a text that holds none of its
/// keys' characters, which is what lets ``Romanizer`` skip it. Each pass of rules
/// defines the variables it uses (`Pass.rules`' `shared` definitions, written once in
/// the complete rule text).
///
/// The texts are ICU transform rules (`#` starts a comment; ASCII punctuation in a
/// rule is quoted or escaped; `$name = ...;` defines a variable; `a } b > x;`
/// matches `a` before `b`, `b { a > x;` after it; `(...)` and `$1` copy a segment;
/// the rules of one pass are tried in order and the first that matches wins, so
/// the more specific come first). ICU cannot test for the end of the text in a
/// context, so "at the end of a word" is always the fallback rule that comes after
/// "followed by a letter".
public enum RomanizationRules {

  /// One pass of the rules.
  public enum Pass: Equatable, Sendable {
    /// Conversion rules (no `::` lines), compiled on their own after the variable
    /// definitions `shared` (definitions that more than one pass uses).
    case rules(String, shared: String = "")
    /// A system transform: an ICU transform ID, with an optional leading filter
    /// (`[...] Any-Devanagari`), and the characters it can change (a UnicodeSet
    /// pattern): it leaves every text without one of them as it is.
    case transform(String, changes: String)
  }

  /// The passes for `language` (ISO 639-1 or 639-3, any case; nil or unknown: the
  /// generic rules, which handle every script), in order.
  public static func passes(language: String?) -> [Pass] {
    let lang = Language(code: language)
    var passes: [Pass] = [nfc, .rules(common)]
    switch lang {
    case .russian: passes += cyrillicRussian
    case .ukrainian: passes += cyrillicUkrainian
    default: passes += cyrillicGeneric
    }
    passes.append(.rules(armenianHebrew))
    if lang == .persian { passes.append(.rules(persian)) }
    passes.append(.rules(arabicScript))
    passes += bengali + sinhala
    passes += lang == .hindi || lang == .marathi ? devanagariHindi : devanagari
    return passes + post
  }

  /// The complete rule text for `language`: the passes as one compound transform
  /// (`::Null;` between two passes of rules, each shared definition written once).
  public static func rules(language: String?) -> String {
    var lines: [String] = []
    var defined = Set<String>()
    var afterRules = false
    for pass in passes(language: language) {
      switch pass {
      case .transform(let id, _):
        lines.append("::\(id);")
        afterRules = false
      case .rules(let body, let shared):
        if afterRules { lines.append("::Null;") }
        if !shared.isEmpty && defined.insert(shared).inserted { lines.append(shared) }
        lines.append(body)
        afterRules = true
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The rule text of one pass of rules, compiled on its own: its shared definitions
  /// and its rules.
  public static func text(of pass: Pass) -> String? {
    guard case .rules(let body, let shared) = pass else { return nil }
    return shared.isEmpty ? body : shared + "\n" + body
  }

  /// The codes of the languages with rules of their own (ISO 639-1 and 639-3).
  public static let languagesWithRules = ["ru", "rus", "uk", "ukr", "hi", "hin", "mr", "mar", "fa", "fas", "per", "prs", "pes"]

  /// The languages with rules of their own; every other code gets the generic rules.
  enum Language: Equatable {
    case russian, ukrainian, hindi, marathi, persian, generic

    init(code: String?) {
      switch code?.lowercased() {
      case "ru", "rus": self = .russian
      case "uk", "ukr": self = .ukrainian
      case "hi", "hin": self = .hindi
      case "mr", "mar": self = .marathi
      case "fa", "fas", "per", "prs", "pes": self = .persian
      default: self = .generic
      }
    }
  }

  // MARK: - Common pre-processing

  /// Composed characters first: the script rules are written for NFC text. NFC can
  /// change only a text with a character that is not NFC_Quick_Check=Yes or that has a
  /// combining class (any other text is NFC already: UAX #15's quick check).
  static let nfc = Pass.transform("NFC", changes: "[[:NFC_QC=N:][:NFC_QC=M:][:^ccc=0:]]")

  static let common = #"""
    # ---------------------------------------------------------------- common
    # Native digits of every script (Arabic-Indic, Persian, Devanagari, Bengali,
    # Thai, Mongolian, fullwidth...) to ASCII digits: ICU's script transliterators
    # miss some (Persian digits come out with a macron below, Mongolian not at all).
    [[:Nd:] & [:nv=0:] - [0]] > 0;
    [[:Nd:] & [:nv=1:] - [1]] > 1;
    [[:Nd:] & [:nv=2:] - [2]] > 2;
    [[:Nd:] & [:nv=3:] - [3]] > 3;
    [[:Nd:] & [:nv=4:] - [4]] > 4;
    [[:Nd:] & [:nv=5:] - [5]] > 5;
    [[:Nd:] & [:nv=6:] - [6]] > 6;
    [[:Nd:] & [:nv=7:] - [7]] > 7;
    [[:Nd:] & [:nv=8:] - [8]] > 8;
    [[:Nd:] & [:nv=9:] - [9]] > 9;

    # Zero-width (non-)joiners only steer how a non-Latin word is drawn (Indic
    # half forms, Persian half spaces); inside such a word they would survive as
    # invisible characters. Latin text keeps them.
    # A non-joiner right after a Devanagari or Bengali consonant (no virama) is
    # typed to show the consonant without its vowel (ফ্রিড‌রিশ: Friedrich): it
    # becomes a virama. (The consonant is context, not key: a word without a
    # non-joiner has no character of this pass's keys, and skips the pass.)
    [\u0915-\u0939 \u0978-\u097F] \u093C? { \u200C } [^\u094D] > \u094D;
    [\u0995-\u09AF \u09B1-\u09B9 \u09F0 \u09F1] \u09BC? { \u200C } [^\u09CD] > \u09CD;
    [[:L:][:M:] - [:Latin:]] { [\u200C\u200D] > ;
    # So do the invisible direction marks and zero-width space around the letters
    # of a non-Latin word (Arabic, Hebrew and Urdu text carry many).
    [[:L:][:M:] - [:Latin:]] { [\u200B \u200E \u200F] > ;
    [\u200B \u200E \u200F] } [[:L:][:M:] - [:Latin:]] > ;

    # Gurmukhi reaches the Devanagari rules through ICU's Any-Devanagari, which
    # drops the tippi (nasal sign) and the addak (doubling of the next consonant):
    # tippi becomes the equivalent bindi, addak an explicit doubled consonant (an
    # aspirate doubles as its plain consonant + itself: ਸਿੱਖ sikkh).
    ੰ > ਂ;
    ੱ ਖ > ਕ੍ਖ;  ੱ ਘ > ਗ੍ਘ;  ੱ ਛ > ਚ੍ਛ;  ੱ ਝ > ਜ੍ਝ;  ੱ ਠ > ਟ੍ਠ;
    ੱ ਢ > ਡ੍ਢ;  ੱ ਥ > ਤ੍ਥ;  ੱ ਧ > ਦ੍ਧ;  ੱ ਫ > ਪ੍ਫ;  ੱ ਭ > ਬ੍ਭ;
    ੱ ([ਕ-ਹ]) > $1 ੍ $1;

    # Separators of the input are set aside as noncharacters (U+FDD4-U+FDDC, in
    # no real text) and put back after Any-Latin, which inserts its own: spaces
    # between Han syllables and between Thai words, hyphens between Hangul
    # syllables, ~ before small kana, apostrophes and modifier letters (ʻ ʼ ʹ ʾ ʿ)
    # in Armenian, Hebrew, Syriac, Thaana, Thai... Whatever of them is in the text
    # after Any-Latin was inserted by ICU and is deleted (see post): one token
    # stays one token, and a word gets no apostrophe or hyphen it did not have.
    ' ' > \uFDD4;
    '-' > \uFDD5;
    '~' > \uFDD6;
    \' > \uFDD7;
    ʻ > \uFDD8;
    ʼ > \uFDD9;
    ʹ > \uFDDA;
    ʾ > \uFDDB;
    ʿ > \uFDDC;

    # Thai marks that ICU writes as punctuation inside a word: the repetition
    # mark ๆ («), the abbreviation mark ฯ (‡), the Pali virama ฺ (ˌ).
    [ๆฯฺ] > ;
    """#

  // MARK: - Cyrillic

  /// Letters romanized alike in Russian and Ukrainian (and in the generic rules).
  /// A capital that becomes two or more Latin letters is written in capitals next
  /// to another capital (ЖКХ: ZHKKH) and in title case otherwise (Жуков: Zhukov).
  static let cyrillicShared = #"""
    # Shared Cyrillic letters (Russian, Ukrainian, generic).
    А > A;  а > a;
    Б > B;  б > b;
    В > V;  в > v;
    Д > D;  д > d;
    Ж } [:Lu:] > ZH;  [:Lu:] { Ж > ZH;  Ж > Zh;  ж > zh;
    З > Z;  з > z;
    К > K;  к > k;
    Л > L;  л > l;
    М > M;  м > m;
    Н > N;  н > n;
    О > O;  о > o;
    П > P;  п > p;
    Р > R;  р > r;
    С > S;  с > s;
    Т > T;  т > t;
    У > U;  у > u;
    Ф > F;  ф > f;
    Х } [:Lu:] > KH;  [:Lu:] { Х > KH;  Х > Kh;  х > kh;
    Ц } [:Lu:] > TS;  [:Lu:] { Ц > TS;  Ц > Ts;  ц > ts;
    Ч } [:Lu:] > CH;  [:Lu:] { Ч > CH;  Ч > Ch;  ч > ch;
    Ш } [:Lu:] > SH;  [:Lu:] { Ш > SH;  Ш > Sh;  ш > sh;
    Щ } [:Lu:] > SHCH;  [:Lu:] { Щ > SHCH;  Щ > Shch;  щ > shch;
    Ю } [:Lu:] > YU;  [:Lu:] { Ю > YU;  Ю > Yu;  ю > yu;
    Я } [:Lu:] > YA;  [:Lu:] { Я > YA;  Я > Ya;  я > ya;
    Є } [:Lu:] > IE;  [:Lu:] { Є > IE;  Є > Ie;  є > ie;
    # Letters of the other Cyrillic alphabets, so that ICU's Cyrillic-Latin (ISO 9,
    # with modifier letters that no ASCII folding removes) never sees them.
    # Belarusian, Uzbek:
    Ў > U;  ў > u;
    # Serbian and Macedonian (as their Latin alphabets, folded: Đ dj, Ć c, Dž dz):
    Ђ > Dj;  ђ > dj;  Ћ > C;  ћ > c;  Џ > Dz;  џ > dz;  Ј > J;  ј > j;
    Љ > Lj;  љ > lj;  Њ > Nj;  њ > nj;  Ѓ > Gj;  ѓ > gj;  Ќ > Kj;  ќ > kj;  Ѕ > Dz;  ѕ > dz;
    # Kazakh, Kyrgyz, Tajik, Tatar, Bashkir, Mongolian:
    Ә > A;  ә > a;  Ғ > Gh;  ғ > gh;  Қ > K;  қ > k;  Ң > Ng;  ң > ng;
    Ө > O;  ө > o;  Ұ > U;  ұ > u;  Ү > U;  ү > u;  Һ > H;  һ > h;
    Ҳ > H;  ҳ > h;  Ҷ > J;  ҷ > j;  Ӣ > I;  ӣ > i;  Ӯ > U;  ӯ > u;
    Ҡ > K;  ҡ > k;  Ҙ > Z;  ҙ > z;  Ҫ > S;  ҫ > s;  Ӏ > ;
    # The soft sign is not written (Ильич: Ilich, Львів: Lviv), nor the hard sign.
    [ЬьЪъ] > ;
    """#

  /// Russian: the usual English-oriented spelling (BGN/PCGN-like, as uroman does).
  static let cyrillicRussian: [Pass] = [.rules(cyrillicRussianYe), .rules(cyrillicRussianLetters)]

  /// Russian е is "ye" at the start of a word, after a vowel and after a soft or
  /// hard sign (Елена: Yelena, Николаевич: Nikolayevich, Васильевич: Vasilyevich,
  /// объект: obyekt), written in this pass as й + е; elsewhere "e" (Сергей: Sergey).
  static let cyrillicRussianYe = #"""
    # ---------------------------------------------------------------- Russian е
    $ruV = [АаЕеЁёИиОоУуЬьЪъ];
    $ruL = [[:L:][:M:]];
    $ruV { Е } [:Lu:] > ЙЕ;
    $ruV { Е > Йе;
    $ruV { е > йе;
    $ruL { ([Ее]) > $1;
    Е } [:Lu:] > ЙЕ;
    Е > Йе;
    е > йе;
    """#

  /// The Russian letters (a pass of their own, with the shared ones).
  static let cyrillicRussianLetters = #"""
    # ---------------------------------------------------------------- Russian
    # ий at the end of a word is "y" (Юрий: Yury, Дмитрий: Dmitry), "iy" inside.
    ИЙ } [[:L:][:M:]] > IY;
    Ий } [[:L:][:M:]] > Iy;
    ий } [[:L:][:M:]] > iy;
    ИЙ > Y;
    Ий > Y;
    ий > y;
    Г > G;  г > g;
    Е > E;  е > e;
    Ё } [:Lu:] > YO;  [:Lu:] { Ё > YO;  Ё > Yo;  ё > yo;
    И > I;  и > i;
    Й > Y;  й > y;
    Ы > Y;  ы > y;
    Э > E;  э > e;
    # Ukrainian and Belarusian letters (in Russian text, or in the Ukrainian
    # words of the generic rules: see cyrillicGeneric).
    І > I;  і > i;
    Ї } [:Lu:] > YI;  [:Lu:] { Ї > YI;  Ї > Yi;  ї > yi;
    Ґ > G;  ґ > g;
    """# + "\n" + cyrillicShared

  /// Ukrainian: the national transliteration's consonants (г: h, ґ: g, и: y) with
  /// the vowels as uroman writes them (я: ya, ю: yu, є: ie, ї: yi, й: i).
  static let cyrillicUkrainian: [Pass] = [.rules(cyrillicUkrainianLetters)]

  /// The Ukrainian letters (a pass of their own, with the shared ones).
  static let cyrillicUkrainianLetters = #"""
    # ---------------------------------------------------------------- Ukrainian
    # ий at the end of a word is "y" (Зеленський: Zelensky), "yi" inside; ій is
    # "iy" (Андрій: Andriy); иї is "yi", not "yyi".
    ИЙ } [[:L:][:M:]] > YI;
    Ий } [[:L:][:M:]] > Yi;
    ий } [[:L:][:M:]] > yi;
    ИЙ > Y;
    Ий > Y;
    ий > y;
    ІЙ > IY;
    Ій > Iy;
    ій > iy;
    ИЇ > YI;
    Иї > Yi;
    иї > yi;
    Г > H;  г > h;
    Ґ > G;  ґ > g;
    Е > E;  е > e;
    И > Y;  и > y;
    І > I;  і > i;
    Ї } [:Lu:] > YI;  [:Lu:] { Ї > YI;  Ї > Yi;  ї > yi;
    Й > I;  й > i;
    # Russian letters in Ukrainian text.
    Ё } [:Lu:] > YO;  [:Lu:] { Ё > YO;  Ё > Yo;  ё > yo;
    Ы > Y;  ы > y;
    Э > E;  э > e;
    """# + "\n" + cyrillicShared

  /// No language given: a word with a Ukrainian-only letter (і ї є ґ) is romanized
  /// as Ukrainian, every other word as Russian. A first pass marks the letters that
  /// the two languages romanize differently (г е и й) in such words; a second
  /// rewrites them as the Cyrillic letters that the Russian rules romanize the
  /// Ukrainian way (г: һ "h", и: ы "y", е: э "e", й: і "i").
  static let cyrillicGeneric: [Pass] = [.rules(cyrillicGenericMarks), .rules(cyrillicGenericLetters)] + cyrillicRussian

  /// The first pass of `cyrillicGeneric`: the marks.
  static let cyrillicGenericMarks = #"""
    # ---------------------------------------------------------------- Cyrillic, no language
    $ukOnly = [ІіЇїЄєҐґ];
    $ukAmb = [ГгЕеИиЙй];
    $ukRest = [[[:L:][:M:]\uFDD1] - $ukOnly];
    ($ukAmb) } $ukRest* $ukOnly > \uFDD1 $1;
    $ukOnly $ukRest* { ($ukAmb) > \uFDD1 $1;
    """#

  /// The second pass of `cyrillicGeneric`: the marked letters rewritten.
  static let cyrillicGenericLetters = #"""
    $ukIn = [[:L:][:M:]\uFDD1];
    # ий: "yi" inside a word, "y" at its end; ій: "iy"; иї: "yi".
    \uFDD1 И \uFDD1 Й } $ukIn > ЫІ;
    \uFDD1 И \uFDD1 й } $ukIn > Ыі;
    \uFDD1 и \uFDD1 й } $ukIn > ыі;
    \uFDD1 И \uFDD1 [Йй] > Ы;
    \uFDD1 и \uFDD1 й > ы;
    [Іі] { \uFDD1 ([Йй]) > $1;
    \uFDD1 [Ии] } [Її] > ;
    \uFDD1 Г > Һ;  \uFDD1 г > һ;
    \uFDD1 Е > Э;  \uFDD1 е > э;
    \uFDD1 И > Ы;  \uFDD1 и > ы;
    \uFDD1 Й > І;  \uFDD1 й > і;
    """#

  // MARK: - Arabic script

  /// Arabic, Persian and Urdu letters. Unvowelled text is not vowelised (nothing
  /// can be, without a lexicon): the consonant skeleton is written with the long
  /// vowel letters as a, w, y (Persian and Urdu yeh as i), short-vowel marks where
  /// present as a, u, i.
  static let arabicScript = #"""
    # ---------------------------------------------------------------- Arabic script
    $arL = [[:L:][:M:]];
    # Word-initial alef + Persian/Urdu yeh is one vowel (ایران: iran).
    $arL { ای > ai;
    ای > i;
    # Alef and its variants.
    [اأآٱٲٳ] > a;
    إ > i;
    # Hamza and ain: an apostrophe, as in the usual ASCII transliterations (the
    # protected one of the common pass: here it is a letter, not a separator).
    [ءٕٔ] > \uFDD7;
    ع > \uFDD7;
    # Hamza on a seat: the seat letter (رئيس: ryys, مؤتة: mwta).
    ؤ > w;
    ئ > y;
    ب > b;
    [تط] > t;
    ث > th;
    ج > j;
    [حهہھۀۂ] > h;
    خ > kh;
    [دض] > d;
    ذ > dh;          # the usual dh (al-Qadhafi), not th: th is ث
    ر > r;
    [زظ] > z;
    [سص] > s;
    ش > sh;
    غ > gh;
    ف > f;
    ڤ > v;
    ق > q;
    [كکڪ] > k;
    ل > l;
    م > m;
    [نں] > n;
    و > w;
    ۋ > v;
    ي > y;
    ی > i;
    # Alef maqsura and teh marbuta "a"; Urdu bari ye "e" (ریلوے: rilwe).
    [ىۃة] > a;
    [ےۓ] > e;
    # Persian and Urdu consonants.
    پ > p;
    چ > ch;          # چوہدری: chwhdri
    ژ > zh;
    گ > g;
    ٹ > tt;
    ڈ > dd;
    ڑ > rr;
    # Short vowels and other marks (rare in running text).
    [َ ٰ ٖ] > a;
    [ُ ٗ] > u;
    ِ > i;
    [ًٌٍّْٓ ـ] > ;
    # Punctuation.
    ، > ',';
    ؛ > ';';
    ؟ > '?';
    ۔ > '.';
    ٪ > '%';
    ٫ > '.';
    ٬ > ',';
    """#

  // MARK: - Armenian and Hebrew

  /// Armenian and Hebrew letters that ICU's transliterations write poorly for NER
  /// (ISO 9985 c for ծ ց ճ չ, which ASCII folding leaves as plain c; Hebrew ש as
  /// s, ו as w); the rest is left to Any-Latin.
  static let armenianHebrew = #"""
    # ---------------------------------------------------------------- Armenian, Hebrew
    $amL = [[:L:][:M:]];
    # Armenian, the usual English spelling: Երևան Yerevan, Չարենց Charents.
    $amL { Ե > E;
    $amL { ե > e;
    Ե > Ye;  ե > ye;
    # ու is "u" (Թումանյան: Tumanyan); ո is "vo" at the start of a word.
    Ո [Ււ] > U;
    ո ւ > u;
    $amL { Ո > O;
    $amL { ո > o;
    Ո > Vo;  ո > vo;
    $amL { և > ev;
    և > yev;
    Ծ > Ts;  ծ > ts;  Ց > Ts;  ց > ts;  Ճ > Ch;  ճ > ch;  Չ > Ch;  չ > ch;
    Ջ > J;  ջ > j;  Ժ > Zh;  ժ > zh;  Շ > Sh;  շ > sh;  Խ > Kh;  խ > kh;
    Ղ > Gh;  ղ > gh;  Ձ > Dz;  ձ > dz;  Թ > T;  թ > t;  Փ > P;  փ > p;  Ք > K;  ք > k;
    Ը > Y;  ը > y;  Է > E;  է > e;  Յ > Y;  յ > y;  Ւ > V;  ւ > v;
    # Hebrew consonants: shin "sh" (sin "s"), tsadi "ts", vav "v"; bet, kaf, pe
    # "b k p" at the start of a word (or with dagesh), "v kh f" elsewhere; alef
    # "a" at the start or end of a word, silent inside (its ʼ would be deleted).
    $heL = [[:L:][:M:]];
    # (NFC puts the vowel points before the dagesh and the shin/sin dots.)
    $hePt = [\u05B0-\u05BB \u05BD \u05BF \u05C7];
    ש } $hePt* \u05BC? \u05C2 > s;
    ש > sh;
    [\u05C1 \u05C2] > ;
    [צץ] > ts;
    ו \u05BC > u;
    ו \u05B9 > o;
    ו > v;
    ב } $hePt* \u05BC > b;  כ } $hePt* \u05BC > k;  פ } $hePt* \u05BC > p;
    $heL { ב > v;  $heL { כ > kh;  $heL { פ > f;
    ב > b;  כ > k;  פ > p;  ך > kh;  ף > f;
    $heL { א } $heL > ;
    א > a;
    """#

  /// Persian: the letters borrowed from Arabic with their Persian sounds (ث s,
  /// ذ ض ظ z, و v, final ه e; ع not written), in a pass before the Arabic-script
  /// rules, which do the rest.
  static let persian = #"""
    # ---------------------------------------------------------------- Persian
    $faL = [[:L:][:M:]];
    ث > s;
    [ذضظ] > z;
    و > v;
    ع > ;
    ه } [[:L:][:M:]] > h;
    $faL { ه > e;
    """#

  // MARK: - Bengali

  /// Bengali: consonants carry the inherent vowel "a", written inside a word and
  /// dropped at its end after a lone consonant (কলকাতা: kalakaataa, but মাল:
  /// maal); a word-final conjunct keeps it (মিত্র: mitra).
  static let bengali: [Pass] = [.rules(bengaliInherentVowel), .rules(bengaliLetters)]

  /// First pass: the inherent vowel, written as a Latin "a" after its consonant.
  static let bengaliInherentVowel = #"""
    # ---------------------------------------------------------------- Bengali
    $bnC = [\u0995-\u09A8 \u09AA-\u09B0 \u09B2 \u09B6-\u09B9 \u09F0 \u09F1];   # ক-ন প-র ল শ-হ ৰ ৱ
    $bnK = [\u09BE-\u09CD \u09D7 \u09E2 \u09E3];   # vowel signs and virama: no inherent vowel
    $bnL = [[:L:][:M:]];
    ($bnC ়?) } $bnK > $1;
    ($bnC ়?) } $bnL > $1 a;       # inside the word
    ্ { ($bnC ়?) > $1 a;          # word-final conjunct
    $bnL { ($bnC ়?) > $1;          # word-final lone consonant
    ($bnC ়?) > $1 a;               # a one-letter word
    """#

  /// Second pass: the letters.
  static let bengaliLetters = #"""
    # Nukta letters (NFC keeps ড় ঢ় য় decomposed).
    \u09A1\u09BC > r;
    \u09A2\u09BC > rh;
    \u09AF\u09BC > y;
    \u0995\u09BC > q;
    \u09AB\u09BC > f;
    \u099C\u09BC > z;
    ক > k;  খ > kh;  গ > g;  ঘ > gh;  ঙ > ng;
    চ > ch;  ছ > chh;  জ > j;  ঝ > jh;  ঞ > ny;
    ট > tt;  ঠ > tth;  ড > dd;  ঢ > ddh;  ণ > nn;
    ত > t;  থ > th;  দ > d;  ধ > dh;  ন > n;
    প > p;  ফ > ph;  ব > b;  ভ > bh;  ম > m;
    য > y;  র > r;  ল > l;  শ > sh;  ষ > ss;  স > s;  হ > h;
    ৎ > t;  ৰ > r;  ৱ > w;
    অ > a;  আ > aa;  ই > i;  ঈ > ii;  উ > u;  ঊ > uu;  ঋ > ri;  ৠ > rii;  ঌ > l;
    এ > e;  ঐ > ai;  ও > o;  ঔ > au;
    া > aa;  ি > i;  ী > ii;  ু > u;  ূ > uu;  ৃ > ri;  ৄ > rii;  ৢ > l;  ৣ > ll;
    ে > e;  ৈ > ai;  ো > o;  ৌ > au;  ৗ > au;
    # Anusvara "ng" (বাংলা: baanglaa), candrabindu "n", visarga "h".
    ং > ng;  ঁ > n;  ঃ > h;
    [়্ঽ] > ;
    [।॥] > '.';
    """#

  // MARK: - Sinhala

  /// Sinhala (which ICU does not romanize): the Indic values of the letters, and
  /// the inherent "a" always written, since Sinhala marks a consonant without its
  /// vowel with the al-lakuna (ශ්‍රී ලංකා: shrii, lankaa; සිංහල: sinhala).
  static let sinhala: [Pass] = [.rules(sinhalaInherentVowel), .rules(sinhalaLetters)]

  /// First pass: the inherent vowel.
  static let sinhalaInherentVowel = #"""
    # ---------------------------------------------------------------- Sinhala
    $siC = [\u0D9A-\u0DC6];                      # ක-ෆ
    $siK = [\u0DCA \u0DCF-\u0DDF \u0DF2 \u0DF3];  # al-lakuna and vowel signs
    ($siC) } $siK > $1;
    ($siC) > $1 a;
    """#

  /// Second pass: the letters.
  static let sinhalaLetters = #"""
    ක > k;  ඛ > kh;  ග > g;  ඝ > gh;  ඞ > ng;  ඟ > ng;
    ච > ch;  ඡ > chh;  ජ > j;  ඣ > jh;  ඤ > ny;  ඥ > gny;  ඦ > nj;
    ට > t;  ඨ > th;  ඩ > d;  ඪ > dh;  ණ > n;  ඬ > nd;
    ත > t;  ථ > th;  ද > d;  ධ > dh;  න > n;  ඳ > nd;
    ප > p;  ඵ > ph;  බ > b;  භ > bh;  ම > m;  ඹ > mb;
    ය > y;  ර > r;  ල > l;  ව > v;  ශ > sh;  ෂ > sh;  ස > s;  හ > h;  ළ > l;  ෆ > f;
    අ > a;  ආ > aa;  [ඇඈ] > ae;  ඉ > i;  ඊ > ii;  උ > u;  ඌ > uu;
    ඍ > ri;  ඎ > rii;  [ඏඐ] > li;  [එඒ] > e;  ඓ > ai;  [ඔඕ] > o;  ඖ > au;
    ා > aa;  [ැෑ] > ae;  ි > i;  ී > ii;  ු > u;  ූ > uu;  [ෘෲ] > ri;  [ෟෳ] > li;
    [ෙේ] > e;  ෛ > ai;  [ොෝ] > o;  ෞ > au;
    # Anusvara "n" (ලංකා: lankaa), candrabindu "n", visarga "h"; al-lakuna silent.
    [ංඁ] > n;  ඃ > h;  ් > ;
    ෴ > '.';
    """#

  // MARK: - Devanagari

  /// Devanagari (Hindi, Marathi, Nepali, Sanskrit...): the inherent "a" is written
  /// inside a word and dropped at its end after a lone consonant (सलीम: saliim,
  /// but तुर्क: turka); long vowels doubled (aa, ii, uu), retroflex consonants
  /// doubled (tt, dd, nn, ss for ष), as uroman writes them.
  static let devanagari: [Pass] = [
    indicToDevanagari, .rules(devanagariWordEnd, shared: devanagariConsonants),
    .rules(devanagariInherentVowel, shared: devanagariConsonants), .rules(devanagariLetters),
  ]

  /// Hindi and Marathi: as `devanagari`, and the inherent vowel is also dropped
  /// inside a word where it is not pronounced (the rule V C _ C V, from the end of
  /// the word: कमला: kamlaa, रचना: racnaa, सरकार: sarkaar, वाटसन: vaattsan; a
  /// first syllable always keeps it: कमल: kamal).
  static let devanagariHindi: [Pass] = [
    indicToDevanagari, .rules(devanagariWordEnd, shared: devanagariConsonants),
    .rules(devanagariMedialSchwa, shared: devanagariConsonants), .rules(devanagariLetters),
  ]

  /// Gujarati, Gurmukhi, Oriya, Tamil, Telugu, Kannada and Malayalam through ICU's
  /// Any-Devanagari: the same inherent-vowel handling as Devanagari (ICU's own
  /// Indic-Latin would write apostrophes: mumba'i). The filter limits it to those
  /// scripts (which are all it can change). An ICU quirk: consecutive `::ID` lines
  /// form one compound ID, whose first filter then applies to all of them; in the
  /// complete rule text this filtered ID is therefore followed by rules, never by
  /// another `::ID` line.
  static let indicToDevanagari = Pass.transform(
    "[[:Gujarati:][:Gurmukhi:][:Oriya:][:Tamil:][:Telugu:][:Kannada:][:Malayalam:]] Any-Devanagari",
    changes: "[[:Gujarati:][:Gurmukhi:][:Oriya:][:Tamil:][:Telugu:][:Kannada:][:Malayalam:]]")

  /// The Devanagari consonants (shared by the word-end and inherent-vowel passes).
  static let devanagariConsonants = #"""
    $dvC = [\u0915-\u0939 \u0958-\u095F \u0978-\u097F];   # क-ह, क़-य़, ॸ-ॿ
    """#

  /// After the other Indic scripts went to Devanagari (`indicToDevanagari`), the end
  /// of a Devanagari word made explicit (the noncharacter U+FDD2 after its last
  /// consonant), so that the next pass can look at it.
  static let devanagariWordEnd = #"""
    # ---------------------------------------------------------------- Devanagari
    # The end of a word after a consonant: marked with U+FDD2 (deleted with the letters).
    ($dvC \u093C?) } [[:L:][:M:]] > $1;
    ($dvC \u093C?) > $1 \uFDD2;
    """#

  /// The inherent vowel, written as a Latin "a" after its consonant, except before a
  /// vowel sign or virama and at the end of a word after a lone consonant.
  static let devanagariInherentVowel = #"""
    $dvK = [\u093A \u093B \u093E-\u094F \u0955-\u0957 \u0962 \u0963];   # vowel signs and virama
    ($dvC \u093C?) } $dvK > $1;
    \u094D { ($dvC \u093C?) } \uFDD2 > $1 a;    # word-final conjunct: तुर्क turka
    [[:L:][:M:]] { ($dvC \u093C?) } \uFDD2 > $1;  # word-final consonant: सलीम saliim
    ($dvC \u093C?) > $1 a;                       # inside a word, or a one-letter word
    """#

  /// The same with the medial deletion of Hindi and Marathi: the inherent vowel of
  /// C1 goes in V C1 _ C2 V, where V before C1 is a vowel (sign, letter or a kept
  /// inherent "a") and C2 has a vowel of its own: a vowel sign, a nasal sign after
  /// its kept "a", or a kept "a" because what follows C2 has no vowel (a virama or
  /// the end of the word). Rules apply left to right; looking two consonants ahead
  /// gives the result of the usual right-to-left rule for all but long chains.
  static let devanagariMedialSchwa = #"""
    $dvK = [\u093A \u093B \u093E-\u094F \u0955-\u0957 \u0962 \u0963];   # vowel signs and virama
    $dvM = [\u093A \u093B \u093E-\u094C \u094E \u094F \u0955-\u0957 \u0962 \u0963];   # vowel signs
    $dvS = [\u0900-\u0902];                                               # candrabindu, anusvara
    $dvV = [\u0904-\u0914 \u0960 \u0961 \u0972-\u0977 $dvM a];            # a vowel before C1
    ($dvC \u093C?) } $dvK > $1;
    \u094D { ($dvC \u093C?) } \uFDD2 > $1 a;
    [[:L:][:M:]] { ($dvC \u093C?) } \uFDD2 > $1;
    $dvV { ($dvC \u093C?) } $dvC \u093C? [$dvM $dvS $dvC] > $1;
    ($dvC \u093C?) > $1 a;
    """#

  /// The letters, once the inherent vowels are explicit.
  static let devanagariLetters = #"""
    # Second pass: the letters.
    # Nukta letters (NFC keeps क़ ख़ ग़ ज़ ड़ ढ़ फ़ य़ decomposed; ऩ ऱ ऴ composed).
    \u0915\u093C > q;
    \u0916\u093C > kh;
    \u0917\u093C > g;
    \u091C\u093C > z;
    \u0921\u093C > dd;
    \u0922\u093C > ddh;
    \u092B\u093C > f;
    \u092F\u093C > y;
    \u0929 > n;
    \u0931 > rr;
    \u0934 > zh;    # ऴ, also Tamil ழ and Malayalam ഴ (Kozhikode)
    क > k;  ख > kh;  ग > g;  घ > gh;  ङ > ng;
    च > c;  छ > ch;  ज > j;  झ > jh;  ञ > ny;
    ट > tt;  ठ > tth;  ड > dd;  ढ > ddh;  ण > nn;
    त > t;  थ > th;  द > d;  ध > dh;  न > n;
    प > p;  फ > ph;  ब > b;  भ > bh;  म > m;
    य > y;  र > r;  ल > l;  ळ > ll;  व > v;
    श > sh;  ष > ss;  स > s;  ह > h;
    अ > a;  आ > aa;  इ > i;  ई > ii;  उ > u;  ऊ > uu;  ऋ > ri;  ॠ > rii;  ऌ > l;  ॡ > ll;
    [ऍऎए] > e;  ऐ > ai;  [ऑऒओ] > o;  औ > au;  [ॲऄ] > a;
    ा > aa;  ि > i;  ी > ii;  ु > u;  ू > uu;  ृ > ri;  ॄ > rii;  ॢ > l;  ॣ > ll;
    [ॅॆेॎ] > e;  ै > ai;  [ॉॊो] > o;  ौ > au;  ॏ > aw;
    # Anusvara and candrabindu: the nasal of the consonant that follows, "m" before
    # a labial and at the end of a word (मुंबई: mumbaii, हिंदी: hindii, संघ: sangh,
    # एवं: evam), "n" before any other consonant or a vowel.
    [\u0900-\u0902] } [\u092A-\u092E \u095E] > m;
    [\u0900-\u0902] } [\u0915-\u0939 \u0958-\u095F \u0978-\u097F] > n;
    [\u0900-\u0902] > m;
    ः > h;
    ॐ > om;
    # Nukta, virama, avagraha and the word-end marker are not written.
    [\u093C \u094D \u093D \uFDD2] > ;
    [।॥॰] > '.';
    """#

  // MARK: - Common post-processing

  /// Every other script through ICU's Any-Latin (Greek, Armenian, Georgian, Hebrew,
  /// Thai, Ethiopic, Hangul, Han, kana...), the separators put back, then Latin-ASCII.
  static let post: [Pass] = [anyLatin, .rules(postSeparators), latinASCII, .rules(postLetters)]

  /// Any-Latin hands each run of one script to that script's transliterator, and none
  /// to runs of Latin, of Common and Inherited characters only, or of Unknown (Zzzz:
  /// noncharacters such as the set-aside separators, private use, unassigned), for
  /// which ICU has no transliterator ("Zzzz-Latin"): a text with only such characters
  /// comes out unchanged.
  static let anyLatin = Pass.transform(
    "Any-Latin", changes: "[^[:sc=Latn:][:sc=Zyyy:][:sc=Zinh:][:sc=Zzzz:]]")

  /// Diacritics off, Latin letters and punctuation to ASCII. No rule of Latin-ASCII has
  /// an ASCII character in its key (and NFD and NFC leave ASCII as it is): ASCII text
  /// comes out unchanged.
  static let latinASCII = Pass.transform("Latin-ASCII", changes: #"[^\u0000-\u007F]"#)

  /// After Any-Latin: the separators that ICU inserted go; the input's own come back.
  static let postSeparators = #"""
    # ---------------------------------------------------------------- post
    # The separators that ICU inserted go; the input's own come back (see common).
    [\u0020 \u002D \u007E \u0027 \u02B9-\u02BC \u02BE \u02BF \u02CC] > ;   # space - ~ ' ʹ ʺ ʻ ʼ ʾ ʿ ˌ
    \uFDD4 > ' ';
    \uFDD5 > '-';
    \uFDD6 > '~';
    \uFDD7 > \';
    \uFDD8 > ʻ;
    \uFDD9 > ʼ;
    \uFDDA > ʹ;
    \uFDDB > ʾ;
    \uFDDC > ʿ;
    """#

  /// After Latin-ASCII: the letters and digits it leaves.
  static let postLetters = #"""
    # Letters and digits that Latin-ASCII leaves as they are (from Ethiopic,
    # Azerbaijani, ordinals 1ª 2º, km²).
    [ǝə] > e;
    [ƎƏ] > E;
    ʷ > w;
    ª > a;
    º > o;
    ¹ > 1;
    ² > 2;
    ³ > 3;
    """#
}
