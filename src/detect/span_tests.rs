//! Detection of text that mixes languages: a language per span, and the document's.

use super::*;

#[test]
fn an_english_quote_in_an_arabic_article() {
    let text = "أكد وزير الخارجية أن العلاقات بين البلدين متينة، وقال: \
                \"Our countries share a long history of friendship and trade.\" \
                وأضاف أن الجانبين سيواصلان التشاور.";
    let (doc, spans) = Detector::new().detect_spans(text);
    assert_eq!(doc.lang.code(), "ara");
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["ara", "eng", "ara"]);
    assert!(text[spans[1].span.range()].starts_with("\"Our countries"));
}

#[test]
fn a_sentence_of_another_language_in_the_same_script() {
    let text = "Le ministre a rencontré son homologue à Mascate pour parler du commerce. \
                The two ministers agreed to meet again next year in London. \
                Les deux pays veulent renforcer leur coopération économique et culturelle.";
    let (doc, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["fra", "eng", "fra"]);
    assert_eq!(doc.lang.code(), "fra");
    assert!(text[spans[1].span.range()].starts_with("The two ministers"));
}

#[test]
fn a_quote_of_another_language_in_the_same_script_after_a_colon() {
    // Turkish reporting an English quotation inside its sentence: the quote is a passage of
    // its own, not English words analysed by Turkish rules (`IBM` → `ıbm`).
    let text = "Bugün Ankara'da yapılan toplantıda bakan şunları söyledi: \
                \"IBM and Intel will invest in Istanbul this year, said the minister.\" \
                Toplantı uzun sürdü ve bakanlar akşam saatlerinde açıklama yaptılar.";
    let (doc, spans) = Detector::new().detect_spans(text);
    assert_eq!(doc.lang.code(), "tur");
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["tur", "eng", "tur"]);
    assert!(text[spans[1].span.range()].starts_with("\"IBM"));
    // A quote in the text's own language stays in its span.
    let text = "Der Minister sagte am Montag vor Journalisten in Berlin: \
                „Wir werden die Gespräche im nächsten Jahr fortsetzen und vertiefen.“";
    let (_, spans) = Detector::new().detect_spans(text);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(spans[0].lang.code(), "deu");
}

#[test]
fn a_short_lead_in_takes_the_language_around_its_quotation() {
    // Found by a tester: the run was decided by its first words, the quotation's, and the
    // lead-in and the text after the quotation were given the quotation's language.
    for (text, lang) in [
        (
            "He said: \"Nous sommes prêts à négocier\", and then he left for the airport with his whole team.",
            "eng",
        ),
        (
            "Er sagte: \"Je pense, donc je suis\", und ging dann nach Hause, wo er lange schlief.",
            "deu",
        ),
        (
            "Il a dit : « We are ready to negotiate », puis il est parti pour l’aéroport avec son équipe.",
            "fra",
        ),
    ] {
        let (doc, spans) = Detector::new().detect_spans(text);
        assert_eq!(doc.lang.code(), lang, "{text}");
        assert_eq!(spans[0].lang.code(), lang, "{spans:?}");
        assert_eq!(Detector::new().detect(text).lang.code(), lang, "{text}");
    }
    // A short sentence after a quotation is not read with it.
    let text = "Der Minister sagte gestern in Berlin: \"The talks were long but productive and \
                we will continue them together.\" Danach reiste er nach Paris.";
    let (_, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["deu", "eng", "deu"]);
    assert_eq!(&text[spans[2].span.range()], "Danach reiste er nach Paris.");
    // A quotation of several sentences is one passage (a reviewer's catch: the lead-in took
    // the language of the quotation's second sentence, and `Then he left.` was read with its
    // last).
    for text in [
        "He said: \"Nous sommes prêts. Nous allons négocier avec nos partenaires européens \
         demain matin.\" Then he left for the airport with his whole team.",
        "He said: \"Nous sommes prêts. Nous allons négocier avec nos partenaires européens \
         demain matin.\" Then he left.",
    ] {
        let (_, spans) = Detector::new().detect_spans(text);
        let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["eng", "fra", "eng"], "{text}");
    }
    // So is a short quotation after its lead-in.
    let text = "He said: \"Nous sommes prêts à négocier.\" Then he left for the airport.";
    let (_, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["eng", "fra", "eng"]);
}

#[test]
fn short_sentences_of_another_language_are_spans_of_their_own() {
    // Found by a tester: sentences of under 40 bytes were read with the one before them, so
    // a bilingual dialogue was one English span.
    let text = "Where are you going tonight?\n¿Adónde vas esta noche?\n\
                I am going to the cinema.\nVoy al cine con mis amigos.\n";
    let (_, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["eng", "spa", "eng", "spa"]);
    let text = "El presidente habló con la prensa. Then he left for the airport. \
                Después se fue a casa.";
    let (doc, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["spa", "eng", "spa"]);
    assert_eq!(doc.lang.code(), "spa");
}

#[test]
fn close_sentences_do_not_split_a_run() {
    // Norwegian with one sentence that could pass for Danish stays one span.
    let text = "Regjeringen la fram et nytt forslag i går. Det er ikke klart hva som skjer nå. \
                Statsministeren sa at hun ville vente på svar fra Stortinget før hun bestemte seg.";
    let (_, spans) = Detector::new().detect_spans(text);
    assert_eq!(spans.len(), 1, "{spans:?}");
    assert_eq!(spans[0].lang.code(), "nob");
}

#[test]
fn a_foreign_phrase_at_the_start_or_quoted_does_not_decide_a_short_text() {
    // Its first words lead by far, but the rest of the sentence, most of it, is English.
    for text in [
        "Je ne sais quoi is what the critics said about the new restaurant that opened last week in London.",
        "Die Zeit und Der Spiegel reported that the chancellor would travel to Washington next week.",
        // Its last words common ones, of many languages ("in", "last"): found by a tester.
        "Je ne sais quoi is what the critics said about the new restaurant in town last night.",
        // A quotation in the middle, which decided before the sentence's last third.
        "He said \"Ich bin ein Berliner\" in his famous speech.",
        "The motto \"liberté, égalité, fraternité\" is written on every town hall.",
    ] {
        assert_eq!(Detector::new().detect(text).lang.code(), "eng", "{text}");
        let (document, spans) = Detector::new().detect_spans(text);
        assert_eq!(document.lang.code(), "eng", "{text}");
        assert_eq!(spans.len(), 1, "{spans:?}");
    }
    // A short sentence before one of another language: a span each (the run is not read
    // whole for spans when it has sentences to tell apart).
    let text = "The talks went well, he said. Der Minister sagte am Montag, die Gespräche in \
                Maskat seien gut verlaufen, und er freue sich auf das nächste Treffen.";
    let (document, spans) = Detector::new().detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["eng", "deu"]);
    assert_eq!(document.lang.code(), "deu");
    // A name at the start of a sentence of the same language is no reason to doubt it.
    let text = "Le Monde a rapporté que le président se rendrait à Berlin la semaine prochaine.";
    assert_eq!(Detector::new().detect(text).lang.code(), "fra");
}

#[test]
fn a_sure_name_in_another_script_does_not_outweigh_the_text() {
    // Bosnian, told from Croatian and Serbian less surely than Hangul is told Korean: the
    // 138 bytes of Bosnian are still the document's language, not the 9 of Korean.
    let text = "Ako ne žele da nas prime kao Makedoniju, možemo se okrenuti drugima, kao što \
                su Kina i Rusija, i postati dio evroazijske zajednice.” Seoul (서울)";
    let (document, spans) = Detector::new().detect_spans(text);
    assert_eq!(spans.last().map(|s| s.lang.code()), Some("kor"));
    assert_ne!(document.lang.code(), "kor", "{spans:?}");
    assert_eq!(document.script, Some(Script::Latin));
    assert_ne!(Detector::new().detect(text).lang.code(), "kor");
}

#[test]
fn a_sentence_in_another_language_inside_a_long_run_is_its_own_span() {
    let german = "Der Minister sagte, die Gespräche seien gut verlaufen, und die Regierung \
                  werde die Ergebnisse prüfen. "
        .repeat(30);
    let english = "The minister said that the talks had gone well and the government would \
                   review the results. ";
    let text = format!("{german}{english}{german}");
    // Far longer than the 1 KiB that the run's language is read from: every sentence is
    // still looked at.
    let (doc, spans) = Detector::new().detect_spans(&text);
    assert_eq!(doc.lang.code(), "deu");
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["deu", "eng", "deu"]);
    assert_eq!(&text[spans[1].span.range()], english);
}

#[test]
fn a_name_in_latin_letters_stays_a_name_when_the_allow_list_leaves_latin_one_language() {
    // `iPhone` in an Arabic sentence is a name whether or not English is the only Latin
    // language allowed: the allow-list narrows the answers, not what is read as a name.
    let text = "iPhone سلام عليكم يا صديقي";
    let eng = Lang::from_code("eng").unwrap();
    let ara = Lang::from_code("ara").unwrap();
    for detector in [Detector::new(), Detector::new().allowlist([eng, ara])] {
        let (doc, spans) = detector.detect_spans(text);
        assert_eq!(doc.lang, ara);
        let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
        assert_eq!(langs, ["und", "ara"], "{:?}", detector.allowed());
    }
    // A sentence of English beside it is English.
    let text = "Hello world, this is an English sentence. سلام عليكم";
    let (_, spans) = Detector::new().allowlist([eng, ara]).detect_spans(text);
    let langs: Vec<&str> = spans.iter().map(|s| s.lang.code()).collect();
    assert_eq!(langs, ["eng", "ara"]);
}
