// Print the terms a Lucene analyzer makes of each line of stdin: one output line per input
// line, terms separated by tabs (a line with no terms is an empty line).
//
//   javac -cp LUCENE.jar -d build LuceneAnalyze.java
//   java -cp LUCENE.jar:build LuceneAnalyze english < lines.txt
//
// Analyzers are Lucene's defaults (default stop words, default stemmer), as Anserini and
// Elasticsearch use them for each language.

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ar.ArabicAnalyzer;
import org.apache.lucene.analysis.bn.BengaliAnalyzer;
import org.apache.lucene.analysis.ca.CatalanAnalyzer;
import org.apache.lucene.analysis.cjk.CJKAnalyzer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.el.GreekAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.ga.IrishAnalyzer;
import org.apache.lucene.analysis.hi.HindiAnalyzer;
import org.apache.lucene.analysis.it.ItalianAnalyzer;
import org.apache.lucene.analysis.ro.RomanianAnalyzer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.th.ThaiAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

public class LuceneAnalyze {
    static Analyzer analyzer(String name) {
        switch (name) {
            case "arabic": return new ArabicAnalyzer();
            case "bengali": return new BengaliAnalyzer();
            case "cjk": return new CJKAnalyzer();
            case "german": return new GermanAnalyzer();
            case "greek": return new GreekAnalyzer();
            case "english": return new EnglishAnalyzer();
            case "spanish": return new SpanishAnalyzer();
            case "hindi": return new HindiAnalyzer();
            case "romanian": return new RomanianAnalyzer();
            case "russian": return new RussianAnalyzer();
            case "thai": return new ThaiAnalyzer();
            case "turkish": return new TurkishAnalyzer();
            case "french": return new FrenchAnalyzer();
            case "italian": return new ItalianAnalyzer();
            case "catalan": return new CatalanAnalyzer();
            case "irish": return new IrishAnalyzer();
            case "standard": return new StandardAnalyzer();
            default: throw new IllegalArgumentException("unknown analyzer: " + name);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: LuceneAnalyze arabic|bengali|cjk|german|greek|english|spanish|hindi|romanian|russian|thai|turkish|french|italian|catalan|irish|standard < lines");
            System.exit(2);
        }
        Analyzer a = analyzer(args[0]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        String line;
        while ((line = in.readLine()) != null) {
            try (TokenStream ts = a.tokenStream("f", new StringReader(line))) {
                CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
                ts.reset();
                boolean first = true;
                while (ts.incrementToken()) {
                    if (!first) out.write('\t');
                    out.append(term);
                    first = false;
                }
                ts.end();
            }
            out.write('\n');
        }
        out.flush();
    }
}
