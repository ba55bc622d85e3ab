//! Stop lists of wordmill's own, where the maintained lists hold content words: Chinese and
//! Vietnamese replaced, Arabic without its content words, Greek completed. Each holds function words only: pronouns,
//! determiners, particles, conjunctions, prepositions, auxiliaries and the commonest
//! adverbs of degree and negation, as NLTK's English list does.
//!
//! - Chinese: NLTK's list (Baidu's) has 841 entries with content words among them (地 "ground",
//!   用 "use", 要 "want", 可 "can", 多 "many", 上升 "rise", 一天 "one day"...). This one has the
//!   function words of Modern Standard Chinese, in simplified and traditional characters.
//! - Vietnamese: Stopwords ISO's list makes content syllables stop words (năm "year", người
//!   "person", số "number", chính "main": 36% of the tokens of news text). Vietnamese writes
//!   one syllable per token; this list has the function syllables that seldom build content
//!   words (not `sự` of `sự kiện` "event", `không` of `không khí` "air").
//! - Arabic: NLTK's list has, after its function words, months, currencies, numbers, weekdays
//!   and verbs (دولار "dollar", يناير "January", خميس "Thursday", وجد "found"): those are
//!   left out.
//! - Thai: Stopwords ISO's list has verbs and nouns (รับ "receive", วัน "day", เปิด "open"),
//!   which matter now that Thai is cut into words: those are left out.
//! - Greek: NLTK's list is mostly Ancient Greek (`οὐδείς`, `γάρ`); the Modern Greek clitic
//!   pronouns, articles and particles it lacks are added (`σας` "you, your", `μας`, `τους`,
//!   `ένα`, `είναι`...).
//! - Urdu: Stopwords ISO's list was garbled by a wrong encoding (`اخبزت`, `ثٌب`): beside a
//!   few words it matches nothing, so `میں` "in", `نے`, `کو`, `سے`, `کا` (14% of the tokens of
//!   news text) were terms, and the real words it holds are content words (`لوگ` "people",
//!   `افراد`, `علاقے` "area"). This one has the postpositions, pronouns, auxiliaries,
//!   conjunctions and particles (retrieval on NTREX's Urdu: MRR@10 0.612 against 0.611).
//! - Indonesian and Malay: NLTK's list (758 words) has, beside its function words and the
//!   verbs of reporting, content words (waktu "time", tahun "year", hari "day", bulan
//!   "month", baru "new", ibu "mother", masalah "problem"), which made a query `tahun baru`
//!   "new year" empty: those are left out. Retrieval on NTREX's Indonesian (MRR@10) pays
//!   for it: 0.624 with NLTK's whole list, 0.618 without its content words, 0.615 with
//!   Tala's list (Lucene's IndonesianAnalyzer's: none of them, nor the verbs of reporting).
//! - Korean: Stopwords ISO's list is mostly particles, pronouns and interjections, but holds
//!   content words that bigrams of any Korean text hit (시간 "time", 아이 "child", 전자
//!   "electronics", 다섯 "five"): those are left out.
//! - Irish: the letters of the initial mutations written with a hyphen before a vowel
//!   (`an t-uisce` "the water", `ár n-athair` "our father"), which UAX #29 splits off as words
//!   of their own, are added, as Lucene's IrishAnalyzer drops them. (Before a capital Irish
//!   writes them without one, `tUachtarán`: the pipeline cuts those from the word, as
//!   Lucene's IrishLowerCaseFilter does.)
//! - Russian: NLTK's list writes ё as е (`все`, `еще`, `ее`); text keeps ё where it is
//!   written (`всё` "everything", `ещё` "still", `её` "her"), and wordmill keeps it unless
//!   `russian_yo` folds it: the spellings with ё of its words are added.
//! - Belarusian: NLTK's list writes 30 of its words with a Latin `i` for the Cyrillic `і`
//!   (`калi`, `толькi`), which text never does: those are spelt right (see
//!   `stopwords::spellings`), but for `мільёнаў` "of millions", a content word that the
//!   respelling would have made a stop word; the commonest words it lacks are added: `і`
//!   "and", `у`, `ў` "in", `з` "with", `а` "and, but".
//! - Ukrainian: Stopwords ISO's list lacks the commonest words of all: `і` "and", `у`, `в`
//!   "in", `на` "on", `не` "not", `за` "for", `а` "and, but", `по` "along, by", added
//!   (Lucene's Ukrainian list has them).
//! - Kazakh: NLTK's list lacks `және` "and", `бен`, `пен` "and, with" (after a consonant),
//!   `да`, `де`, `та`, `те` "also", `немесе` "or": added.
//! - Hungarian: NLTK's list (Snowball's) has, beside its function words, words of the web
//!   site it was taken from (`cikk` "article", `keressünk` "let us search") and adjectives
//!   (`új` "new", `nagy` "big", `jó` "good", `utolsó` "last"): those are left out. It writes
//!   ő and ű as õ and û, Latin-1's nearest letters: see `stopwords::spellings`.
//! - Finnish: NLTK's list misspells two words (`tallä`, `tuotä` for `tällä`, `tuota`):
//!   spelt right (`stopwords::spellings`).
//! - Romanian: NLTK's list writes ş and ţ with a cedilla and the old î inside words (`şi`,
//!   `cînd`); today's spelling, ș ț with a comma below and `â` (`și`, `când`, `între`), is
//!   added.
//! - Catalan, Basque, Persian (and Dari), Polish, Slovenian: the maintained lists hold content
//!   words (`primer` "first", `llarg` "long", `egun` "day", `ikusi` "see", `روز` "day", `اعلام`
//!   "announce", `roku` "year", `nowe` "new", `dobesedno` "literally", `hotel`), found by a
//!   tester beside Lucene's analyzers (which keep them): those are left out.
//! - Basque: NLTK's list has `du`, `dute`, `da` but not the other forms of the auxiliaries
//!   (`dugu`, `dutela`, `zuela`): added.
//! - Turkish: NLTK's 53 words lack `bir` "a, one" (the commonest word of Turkish news),
//!   `olarak`, `kadar`, `değil`, and the pronouns as they are inflected (`onun`, `bunu`; the
//!   list is checked before stemming): added, as Lucene's Turkish list has them.
//! - Arabic: the conjunctions `و` and `ف` are written as a letter before the word (`وفي` "and
//!   in"), and the list is checked before light stemming: its particles, pronouns and
//!   auxiliaries with either before them are added, one by one (`و` or `ف` before any of its
//!   words would also spell content words, `وهم` "illusion", `فلك` "orbit": a reviewer's
//!   catch), and `بأن`, `لأن`, `بشأن` ("that", "because", "regarding").
//! - French: NLTK's list has `ce`, `ces`, `leur` but not `cette`, `cet`, `cela`, `celui`,
//!   `leurs`: added. Hindi: Stopwords ISO's has `में` "in" but not `मैं` "I", and `गया`, `रहा`
//!   but not their feminine and plural forms (`गई`, `गए`, `रही`): added, with `हम` "we",
//!   `तुम` "you"; its `घर` "house" is left out.
//! - Lithuanian: Stopwords ISO's list has 136 of its words in Windows-1257 read as Latin-1
//!   (`uþ`, `ið`, `dël` for `už`, `iš`, `dėl`): spelt right (`stopwords::spellings`).

/// Chinese function words, simplified and traditional.
#[rustfmt::skip]
pub(super) const CHINESE: &[&str] = &[
    // Personal and demonstrative pronouns.
    "我", "你", "您", "他", "她", "它", "我们", "你们", "他们", "她们", "它们", "咱们", "我們", "你們", "他們", "她們",
    "它們", "咱們", "自己", "大家", "这", "那", "這", "这个", "那个", "這個", "那個", "这些", "那些", "這些", "这里", "那里",
    "這裡", "那裡", "这样", "那样", "這樣", "那樣", "这么", "那么", "這麼", "那麼", "此", "其", "之", "该", "該", "各",
    "每", "某",
    // Interrogatives.
    "谁", "誰", "什么", "什麼", "哪", "哪个", "哪個", "哪些", "哪里", "哪裡", "怎么", "怎麼", "怎样", "怎樣", "为什么",
    "為什麼",
    // Structural, aspect and modal particles.
    "的", "得", "了", "着", "著", "过", "過", "吗", "嗎", "呢", "吧", "啊", "呀", "嘛", "么", "麼", "啦", "所",
    "等", "等等",
    // Conjunctions.
    "和", "与", "與", "及", "以及", "或", "或者", "还是", "還是", "而", "而且", "并", "並", "并且", "並且", "但", "但是",
    "可是", "然而", "不过", "不過", "因为", "因為", "所以", "因此", "如果", "虽然", "雖然", "尽管", "儘管", "即使", "于是",
    "於是", "然后", "然後", "只要", "无论", "無論", "不管", "既然", "则", "則", "且", "即",
    // Prepositions and coverbs.
    "在", "从", "從", "自", "向", "往", "对", "對", "对于", "對於", "关于", "關於", "把", "被", "给", "給", "为",
    "為", "为了", "為了", "由", "以", "于", "於", "跟", "同", "比", "按照", "根据", "根據", "通过", "通過", "随着",
    "隨著", "除了",
    // Copula, negation, auxiliaries, adverbs of degree and time.
    "是", "不", "没", "沒", "没有", "沒有", "也", "都", "就", "才", "又", "还", "還", "已", "已经", "已經", "将",
    "將", "曾", "曾经", "曾經", "很", "更", "最", "太", "非常", "正在", "会", "會", "能", "可以", "应该", "應該",
];

/// Vietnamese function syllables: those that are grammatical words and seldom a syllable of a
/// content word. Left out are prepositions, negations and auxiliaries that also build
/// compounds (`không` in `không khí` "air", `từ` in `từ chối` "refuse", `theo` in `theo dõi`
/// "follow", `chỉ` in `chỉ số` "index", `ngoài` in `nước ngoài` "foreign").
#[rustfmt::skip]
pub(super) const VIETNAMESE: &[&str] = &[
    // Personal and demonstrative pronouns (not the titles ông, bà: as "Mr" and "Mrs", not in
    // NLTK's English list, they tell who a story is about).
    "tôi", "chúng", "họ", "nó", "này", "đó", "ấy", "kia", "đây", "đấy",
    // Plural markers and quantifying determiners.
    "các", "những", "mỗi", "mọi", "và", "hoặc", "nhưng", "mà", "thì", "rằng", "nếu", "vì",
    "tuy",
    // The copula, the possessive, aspect and passive markers.
    // (Not bị, of chuẩn bị "prepare" and thiết bị "device".)
    "là", "của", "đã", "sẽ", "đang", "được", "cũng", "vẫn", "đều", "rồi", "rất", "lắm", "à",
    "ạ", "ư", "nhé", "nhỉ", "chứ", "ơi", "ừ", "vâng",
];

/// Modern Greek function words missing from NLTK's Greek list (accents as written: the list
/// is folded as terms are); a test checks that none is there already.
#[rustfmt::skip]
pub(super) const GREEK_ADDED: &[&str] = &[
    // Articles, with the prepositions σε and από fused with them.
    "της", "τη", "τους", "στα", "στους", "στις", "στου", "στης", "ένας", "μια", "μία", "ένα",
    "ενός", "μιας", "έναν",
    // Personal pronouns, strong and clitic.
    "εγώ", "εσύ", "εμείς", "εσείς", "μου", "σου", "μας", "σας", "μένα", "εσένα", "αυτός",
    "αυτή", "αυτό", "αυτοί", "αυτές", "αυτά", "αυτού", "αυτής", "αυτών", "αυτόν", "αυτούς",
    // Relative, interrogative and indefinite pronouns.
    "πού", "οποίος", "οποία", "οποίο", "οποίοι", "οποίες", "οποίου", "οποίας", "οποίων",
    "οποίον", "οποίους", "ποιος", "ποιες", "πώς", "κάποιος", "κάποια", "κάποιο", "κάποιοι",
    "κάποιες", "κάθε", "όλος", "όλη", "όλο", "όλοι", "όλες", "όλα", "όλων", "όλους", "άλλος",
    "άλλη", "άλλο", "άλλοι", "άλλες", "άλλα", "άλλων", "τόσο",
    // Conjunctions and particles.
    "ή", "ούτε", "αλλά", "όμως", "ενώ", "εάν", "όταν", "ότι", "όπως", "επειδή", "γιατί", "αφού",
    "ας",
    // Prepositions.
    "από", "προς", "χωρίς", "ως", "έως", "μέχρι", "υπό", "αντί", "μεταξύ",
    // The auxiliaries είμαι and έχω.
    "είναι", "είμαι", "είσαι", "είμαστε", "είστε", "ήταν", "ήμουν", "έχει", "έχουν", "είχε",
    "είχαν",
    // Adverbs of degree and focus.
    "πολύ", "πιο", "ήδη", "επίσης", "μόνο",
];

/// Content words of NLTK's Arabic list: not stop words (months, currencies, numbers, names of
/// letters, verbs and nouns with a meaning of their own); the rest of it is function words.
#[rustfmt::skip]
pub(super) const ARABIC_NOT_STOP: &[&str] = &[
    // The "five nouns" (father, brother, father-in-law, mouth), also in names: أبو ظبي.
    "أبٌ", "أخٌ", "حمٌ", "فو", "أبو", "أخو", "حمو",
    // Months (both calendars) and currencies.
    "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر",
    "نوفمبر", "ديسمبر", "جانفي", "فيفري", "أفريل", "ماي", "جوان", "جويلية", "أوت", "كانون",
    "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول", "تشرين", "دولار", "دينار",
    "ريال", "درهم", "ليرة", "جنيه", "قرش", "مليم", "فلس", "هللة", "سنتيم", "يورو", "ين", "يوان",
    "شيكل",
    // Numbers, weekdays, ordinals.
    "واحد", "اثنان", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة", "أحد",
    "اثنا", "اثني", "إحدى", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر", "ثمان",
    "سبت", "اثنين", "ثلاثاء", "أربعاء", "خميس", "جمعة", "أول", "ثان", "ثاني", "ثالث", "رابع",
    "خامس", "سادس", "سابع", "ثامن", "تاسع", "عاشر", "حادي", "مئة", "مئتان", "ثلاثمئة",
    "أربعمئة", "خمسمئة", "ستمئة", "سبعمئة", "ثمنمئة", "تسعمئة", "مائة", "ثلاثمائة", "أربعمائة",
    "خمسمائة", "ستمائة", "سبعمائة", "ثمانمئة", "تسعمائة", "عشرون", "ثلاثون", "اربعون", "خمسون",
    "ستون", "سبعون", "ثمانون", "تسعون", "عشرين", "ثلاثين", "اربعين", "خمسين", "ستين", "سبعين",
    "ثمانين", "تسعين",
    // Letter names.
    "ألف", "باء", "تاء", "ثاء", "جيم", "حاء", "خاء", "دال", "ذال", "راء", "زاي", "سين", "شين",
    "صاد", "ضاد", "طاء", "ظاء", "عين", "غين", "فاء", "قاف", "كاف", "لام", "ميم", "نون", "هاء",
    "واو", "ياء", "همزة",
    // Verbs with a meaning of their own, and nouns (take, leave, know, find, give; beloved, uncle, eye, self, morning, evening, north, right).
    "اتخذ", "ألفى", "تخذ", "ترك", "تعلَّم", "جعل", "حجا", "حبيب", "خال", "حسب", "درى", "رأى",
    "زعم", "صبر", "ظنَّ", "عدَّ", "علم", "غادر", "ذهب", "وجد", "ورد", "وهب", "أسكن", "أطعم",
    "أعطى", "رزق", "زود", "سقى", "كسا", "أخبر", "أرى", "أعلم", "أنبأ", "رجع", "راح", "أخذ",
    "قام", "أنشأ", "أقبل", "شرع", "نفس", "صباح", "مساء", "شمال", "يمين", "سبحان",
];

/// Content words of Stopwords ISO's Thai list: not stop words now that Thai is cut into
/// words (say, organize, result, find, receive, item, day, send, open, reveal, begin, see,
/// want, set up, join, total, part, the agent prefix นัก).
#[rustfmt::skip]
pub(super) const THAI_NOT_STOP: &[&str] = &[
    "กล่าว", "จัด", "ผล", "พบ", "รับ", "ราย", "วัน", "ส่ง", "เปิด", "เปิดเผย", "เริ่ม", "เห็น",
    "อยาก", "ตั้ง", "ร่วม", "รวม", "ส่วน", "นัก",
    // Lead, bring (the list spells its sara am as two characters: see `stopwords::spellings`).
    "น\u{E4D}\u{E32}",
    // A consonant after a tone mark: a garbled entry, which read as a word is `ง` alone.
    "\u{E49}ง",
];

/// Urdu function words: postpositions, pronouns, auxiliaries and light verbs, conjunctions,
/// particles.
#[rustfmt::skip]
pub(super) const URDU: &[&str] = &[
    // Postpositions and the words that build compound ones.
    "میں", "نے", "کو", "سے", "کا", "کی", "کے", "پر", "تک", "لیے", "لئے", "ساتھ", "بارے", "طرف",
    "والا", "والی", "والے", "ذریعے",
    // Pronouns, possessives, demonstratives, relatives and interrogatives.
    "ہم", "تم", "آپ", "وہ", "یہ", "اس", "ان", "اسے", "انہیں", "انہوں", "اسی", "انہی", "ہمیں",
    "تمہیں", "مجھے", "مجھ", "میرا", "میری", "میرے", "ہمارا", "ہماری", "ہمارے", "تمہارا", "تمہاری",
    "تمہارے", "اپنا", "اپنی", "اپنے", "جو", "جس", "جن", "جنہوں", "جسے", "کون", "کیا", "کس", "کسی",
    "کوئی", "کچھ", "سب", "ہر", "ایک",
    // Auxiliaries and light verbs: to be, to go, to do, can, already.
    "ہے", "ہیں", "ہوں", "ہو", "تھا", "تھی", "تھے", "تھیں", "ہوا", "ہوئی", "ہوئے", "ہوتا", "ہوتی",
    "ہوتے", "ہوگا", "ہوگی", "گا", "گی", "گے", "رہا", "رہی", "رہے", "گیا", "گئی", "گئے", "کر", "کرنے",
    "کرتا", "کرتی", "کرتے", "کیے", "کئے", "سکتا", "سکتی", "سکتے", "چکا", "چکی", "چکے",
    // Conjunctions, particles, negation, adverbs of time and place.
    "اور", "یا", "لیکن", "مگر", "بلکہ", "کہ", "اگر", "تو", "بھی", "ہی", "نہ", "نہیں", "جب", "تب",
    "پھر", "اب", "یہاں", "وہاں", "کیونکہ", "جبکہ", "تاکہ", "چونکہ", "البتہ",
];

/// Romanian function words in today's spelling, missing from NLTK's list (which has them with
/// a cedilla or the old `î`): the forms with ș and ț are made from the list's ş and ţ, these
/// are the others.
#[rustfmt::skip]
pub(super) const ROMANIAN_ADDED: &[&str] = &[
    "când", "între", "însă", "decât", "printre",
];

/// The spellings with ё of words of NLTK's Russian list.
pub(super) const RUSSIAN_ADDED: &[&str] = &["всё", "ещё", "её", "неё"];

/// Function words NLTK's Belarusian list lacks.
pub(super) const BELARUSIAN_ADDED: &[&str] = &["і", "у", "ў", "з", "а"];

/// A content word of NLTK's Belarusian list ("of millions"), as the list spells it (with a
/// Latin `i`, which matched nothing until the list was spelt right).
pub(super) const BELARUSIAN_NOT_STOP: &[&str] = &["м\u{69}льёнаў"];

/// Function words Stopwords ISO's Ukrainian list lacks.
pub(super) const UKRAINIAN_ADDED: &[&str] = &["і", "у", "в", "на", "не", "за", "а", "по"];

/// Function words NLTK's Kazakh list lacks (`бен`, `пен` and `та`, `те` are the forms of
/// `мен` and `да`, `де` after other sounds).
pub(super) const KAZAKH_ADDED: &[&str] = &["және", "бен", "пен", "да", "де", "та", "те", "немесе"];

/// Content words of NLTK's Indonesian list (Malay's too): not stop words, the nouns, numbers
/// and adjectives a query is made of. The rest of it is function words and the frequent verbs
/// and adverbs of news (`mengatakan` "said", `menurut` "according to", `datang` "come",
/// `membuat` "make"), kept: retrieval measured them worth dropping (see the module's note).
#[rustfmt::skip]
pub(super) const INDONESIAN_NOT_STOP: &[&str] = &[
    // Time: year, month, day, time, hour (o'clock), period, beginning, end, new.
    "tahun", "bulan", "hari", "waktu", "waktunya", "pukul", "masa", "awal", "awalnya", "akhir",
    "baru",
    // Numbers and ordinals: one to five, half, first, second, fifth.
    "satu", "dua", "tiga", "empat", "lima", "setengah", "pertama", "kedua", "kelima",
    // People: father, mother (Mr., Mrs.), party (side).
    "bapak", "ibu", "pak", "pihak",
    // Nouns: part, way, amount, case, situation, problem, issue, question, answer, place,
    // inside/outside, middle, back, bottom.
    "bagian", "cara", "jumlah", "kasus", "keadaan", "masalah", "persoalan", "pertanyaan",
    "jawaban", "tempat", "luar", "tengah", "belakang", "bawah",
    // Adjectives and verbs of their own: big, small, long, high, important, general, rise,
    // exit.
    "besar", "kecil", "panjang", "tinggi", "penting", "umum", "naik", "keluar",
];

/// Content words of Stopwords ISO's Korean list, which bigrams of Korean text hit: not stop
/// words. (Its longer entries, verbs and phrases, match no bigram; its single syllables are
/// particles, pronouns and numerals, terms only where a syllable stands alone, as the
/// counters of dates do after a number.)
#[rustfmt::skip]
pub(super) const KOREAN_NOT_STOP: &[&str] = &[
    // time, moment; child; electronics; two, three, four, five, six, seven, eight, nine.
    "시간", "시각", "아이", "전자", "둘", "셋", "넷", "다섯", "여섯", "일곱", "여덟", "아홉",
    // both, quantum; revival; postmark; majority; to ride, burn; good; one (and the 하나 of
    // 하나님 "God").
    "양자", "소생", "소인", "다수", "타다", "좋아", "하나",
    // The counters of dates, words of their own after a number (`3월` "March", `5일`, `2024년`).
    "년", "월", "일",
];

/// The Irish mutation letters that a hyphen joins to a word (`t-uisce`, `n-athair`): tokens of
/// their own after UAX #29.
pub(super) const IRISH_ADDED: &[&str] = &["h", "n", "t"];

/// Content words of NLTK's Hungarian list (Snowball's, from the pages of a web site): not
/// stop words.
#[rustfmt::skip]
pub(super) const HUNGARIAN_NOT_STOP: &[&str] = &[
    // article, articles (twice); let us search; whole, single; good, well, better; big,
    // bigger; full; new, newer; last.
    "cikk", "cikkek", "cikkeket", "keressünk", "egész", "egyetlen", "jó", "jól", "jobban",
    "nagy", "nagyobb", "teljes", "új", "újabb", "utolsó",
    // No Hungarian word.
    "ison",
];

/// A content word of Stopwords ISO's Czech list, written with an apostrophe for its caron:
/// `chuť` "appetite, taste". (Its `ted'` is `teď` "now", a stop word.)
pub(super) const CZECH_NOT_STOP: &[&str] = &["chut'"];

/// A content word of NLTK's Tajik list (written with a space after it, which kept it from
/// matching until entries were read as the tokenizer reads text): `хуб` "good".
pub(super) const TAJIK_NOT_STOP: &[&str] = &["хуб "];

/// Content words of NLTK's Catalan list: first, last, long, end, mode, use, the verbs
/// "achieve" and "know", similar, own, equal, bad, go, below, above, well, included, given.
/// (`bé` "well, good" also makes the conjunctions `o bé` "or else" and `si bé` "although",
/// whose other word is a stop word.)
#[rustfmt::skip]
pub(super) const CATALAN_NOT_STOP: &[&str] = &[
    "primer", "últim", "llarg", "fi", "mode", "ús", "consegueixo", "conseguim", "conseguir",
    "consigueix", "consigueixen", "consigueixes", "sabem", "saben", "saber", "sabeu", "sap",
    "saps", "semblant", "semblants", "propi", "igual", "iguals", "mal", "anar", "baix", "dalt",
    "bé", "inclòs", "donat",
];

/// Content words of NLTK's Basque list: finish, light, day, today, see, say, begin (and
/// beginning), to the world, at the end, every evening, to give, consequence, thinking,
/// first.
#[rustfmt::skip]
pub(super) const BASQUE_NOT_STOP: &[&str] = &[
    "amaitu", "amaitzeko", "argi", "egun", "egunean", "gaur", "ikusi", "esan", "esanak",
    "esandakoaren", "hasi", "hasiera", "hasieran", "hasteko", "hasteaz", "mundura", "bukaeran",
    "bukatzeko ", "arratsaldero", "emateko", "ondorio", "pentsatuz", "lehenengo",
];

/// The forms of the Basque auxiliaries (`izan` "be", `*edun` "have") that NLTK's list lacks
/// while it has `du`, `dute`, `da`, `dira`: present and past, with the complementizer `-la`.
#[rustfmt::skip]
pub(super) const BASQUE_ADDED: &[&str] = &[
    "dut", "duzu", "dugu", "duzue", "ditut", "dituzu", "ditugu", "dituzte", "duela", "dutela",
    "zuela", "zutela", "zela", "direla", "zirela", "naiz", "zara", "gara", "zarete", "zaio",
    "zaie", "zitzaion", "nago", "daude", "zegoen", "zeuden", "izango", "dezake", "daiteke",
];

/// Content words of Stopwords ISO's Persian list: day(s), today, this year, tonight,
/// tomorrow, yesterday, last year, "-abad" (of names of towns), big, new, services, people,
/// time, whole, good, bad, way, right, faction, name, announce, use, act, part, flow, the
/// suffixes of compound nouns (-sazi, -gozari, -shenasi, -rizi), former, recent, various,
/// capable, daily, yearly, duration, field, kind, state, free, enjoying,
/// prevention, million, billion, thousand, sign, found, group, effort, thought, thanks,
/// present. (`ممکن` "possible" stays: `ممکن است` is the modal "may".)
#[rustfmt::skip]
pub(super) const PERSIAN_NOT_STOP: &[&str] = &[
    "روز", "روزهاي", "امروز", "امروزه", "امسال", "امشب", "فردا", "دیروز", "ديروز", "پارسال",
    "آباد", "بزرگ", "جدید", "جديد", "تازه", "خدمات", "مردم", "زمان", "کامل", "خوب", "بد",
    "راه", "حق", "جناح", "نام", "اعلام", "استفاده", "استفاد", "عمل", "بخش", "جریان", "جريان",
    "سازي", "گذاري", "شناسي", "ريزي", "سابق", "اخیر", "مختلف", "قابل", "روزانه",
    "سالانه", "سالیانه", "مدت", "زمینه", "نوع", "نوعي", "نوعی", "وضع", "مجانی", "برخوردار",
    "جلوگيري", "ميليون", "ميليارد", "هزار", "نشان", "پیدا", "گروهي", "سعي", "فكر", "مرسی",
    "حاضر",
];

/// Content words of Stopwords ISO's Polish list: years, year, new, way, direction, złoty,
/// well, far, possible, Mr and Mrs, hour, today. (`pan`, `pani` are also the polite "you";
/// as titles they tell who a story is about, as the Vietnamese list's choice of `ông`, `bà`.)
#[rustfmt::skip]
pub(super) const POLISH_NOT_STOP: &[&str] = &[
    "lat", "roku", "nowe", "sposób", "kierunku", "zł", "dobrze", "daleko", "możliwe", "pan",
    "pana", "pani", "godz", "dzisiaj", "dziś",
];

/// Content words of NLTK's Slovenian list: literally, bottom, desired, the verb "allow",
/// and the past forms of `hoteti` "want" that are also the forms of `hotel` "hotel"
/// (`hotel`, `hotela`, `hoteli`, `hotele`, `hotelo`): a document about a hotel is found by it.
#[rustfmt::skip]
pub(super) const SLOVENIAN_NOT_STOP: &[&str] = &[
    "dobesedno", "dno", "želeni", "želene", "želen", "želeno", "želena", "dovoliva",
    "dovolimo", "dovolim", "dovolita", "dovolite", "dovoliš", "dovolijo", "dovoli", "dovoliti",
    "dovoljeni", "dovoljene", "dovoljen", "dovoljeno", "dovoljena", "dovolili", "dovolila",
    "dovolile", "dovolil", "dovolilo", "hotel", "hotela", "hoteli", "hotele", "hotelo",
];

/// Turkish function words that NLTK's 53 lack, `bir` "a, one" first (the commonest word of
/// Turkish news): pronouns as they are inflected (the list is checked before stemming),
/// postpositions, conjunctions, the copula `olmak` and the existentials `var`, `yok`.
#[rustfmt::skip]
pub(super) const TURKISH_ADDED: &[&str] = &[
    "bir", "ancak", "fakat", "kadar", "değil", "sonra", "önce", "göre", "ayrıca", "yine",
    "artık", "sadece", "zaten", "bile", "dahi", "hatta", "henüz", "oysa", "pek", "yoksa",
    "iken", "şöyle", "böyle", "öyle", "hangi", "aynı", "diğer", "başka", "kendi", "kendisi",
    "ben", "bana", "beni", "benim", "sen", "sana", "seni", "senin", "bize", "bizi", "bizim",
    "size", "sizi", "sizin", "onu", "ona", "onun", "ondan", "onlar", "onları", "onların",
    "bunu", "buna", "bunun", "bundan", "bunlar", "bunları", "bunların", "şunu", "dolayı",
    "rağmen", "beri", "karşı", "üzere", "arasında", "içinde", "tarafından", "itibaren",
    "olan", "olarak", "olduğu", "olduğunu", "oldu", "olmak", "olması", "olmayan", "olup",
    "olur", "olacak", "var", "yok",
];

/// Arabic function words that NLTK's list lacks: particles written with the preposition bi-
/// or li- (`بأن` "that", `لأن` "because", `بشأن` "regarding"), and the list's particles,
/// pronouns and auxiliaries with the conjunction `و` "and" or `ف` "so" written before them as
/// Arabic writes it (`وفي` "and in", `فهو` "so he"; it has `وهو`, `ولا`, `ومن`), which light
/// stemming cuts only after the stop list is checked. Chosen one by one rather than made
/// from every word of the list: `و` or `ف` before its words also spells content words (`فلك`
/// "orbit", `ولي` "crown prince", `فعل` "act", `وريث` "heir"). (`وهم` "and they" is in:
/// light10 would cut its `و` anyway, making `وهم` "illusion" the stop word's `هم`.)
#[rustfmt::skip]
pub(super) const ARABIC_ADDED: &[&str] = &[
    "بأن", "لأن", "بشأن",
    "وفي", "وهي", "وقد", "فقد", "ولم", "ولن", "فلن", "وليس", "وليست", "فليس", "وكان", "وكانت",
    "وأن", "وإنه", "وأنه", "فإنه", "ولقد", "وعلى", "وإلى", "وعن", "ومع", "وبعد", "وقبل", "وبين",
    "وعند", "ومنذ", "وحتى", "وتحت", "وحين", "والتي", "وذلك", "وهذا", "وهذه", "وتلك", "وهناك",
    "فهو", "فهي", "وهما", "ونحن", "وكل", "وبعض", "وجميع", "وأي", "وكذلك", "وكما", "ومما",
    "وهكذا", "وإنما", "وسوف", "فسوف", "وهل", "فهل", "وكيف", "والآن", "وهم", "وأنا", "فأنا",
    "فأنت", "فأنتم", "فنحن", "فهذا", "فهناك", "وغير", "ودون", "ونحو", "وذات", "وكلاهما", "فعلى",
    "فكلما", "وكاد", "وإليكم", "وخاصة", "وأكثر", "وأقل",
];

/// French demonstratives NLTK's list lacks while it has `ce`, `ces` (`cette` "this" is among
/// the commonest words of French news) and `leurs` beside its `leur`.
#[rustfmt::skip]
pub(super) const FRENCH_ADDED: &[&str] = &[
    "cette", "cet", "ceci", "cela", "ça", "celui", "celle", "ceux", "celles", "leurs",
];

/// Hindi words Stopwords ISO's list lacks while it has their kin: the personal pronouns
/// (`मैं` "I" beside its `में` "in", `हम` "we", `तुम` "you"; it has `आप`, `वह`, `वे`), and the
/// feminine and plural forms of the auxiliaries `गया` and `रहा`, which it has, in both
/// spellings (`गई`, `गयी`; `गए`, `गये`).
#[rustfmt::skip]
pub(super) const HINDI_ADDED: &[&str] = &[
    "मैं", "हम", "तुम", "गई", "गईं", "गयी", "गए", "गये", "रही", "रहीं",
];

/// A content word of Stopwords ISO's Hindi list: `घर` "house".
pub(super) const HINDI_NOT_STOP: &[&str] = &["घर"];
