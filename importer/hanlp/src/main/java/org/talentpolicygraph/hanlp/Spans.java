package org.talentpolicygraph.hanlp;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.corpus.tag.Nature;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.CustomDictionary;
import com.hankcs.hanlp.seg.Segment;
import com.hankcs.hanlp.seg.common.Term;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * HanLP (portable) as a signal for the rule-based extractor.
 *
 * <p>Default mode: reads a text (UTF-8) on stdin and writes one JSON line per word HanLP's
 * segmenter finds, with person, place and organisation recognition on: {"start","end","word",
 * "nature"}, offsets in UTF-16 code units of the input (the same units as a JavaScript string).
 *
 * <p>{@code --lexicon NATURE...}: finds the words of HanLP's own dictionaries (core and custom,
 * inside the jar) that carry one of the natures, and writes every nature each of them has in either
 * dictionary, one JSON line each: {"word","nature","freq"} (a word tagged as a company may be an
 * ordinary word first).
 */
public final class Spans {
  private Spans() {}

  public static void main(String[] args) throws Exception {
    Writer out =
        new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
    if (args.length > 0 && args[0].equals("--lexicon")) {
      Set<String> natures = new HashSet<>(List.of(args).subList(1, args.length));
      lexicon(natures, out);
    } else {
      spans(new String(System.in.readAllBytes(), StandardCharsets.UTF_8), out);
    }
    out.flush();
  }

  static void spans(String text, Writer out) throws IOException {
    Segment segment =
        HanLP.newSegment()
            .enableNameRecognize(true)
            .enablePlaceRecognize(true)
            .enableOrganizationRecognize(true)
            .enableOffset(true);
    // one line at a time: HanLP's lattice grows with its input, and a line break ends a sentence
    int at = 0;
    while (at < text.length()) {
      int end = text.indexOf('\n', at);
      if (end < 0) end = text.length();
      if (end > at) {
        for (Term term : segment.seg(text.substring(at, end))) {
          if (term.word.isBlank()) continue;
          int start = at + term.offset;
          out.write("{\"start\":");
          out.write(Integer.toString(start));
          out.write(",\"end\":");
          out.write(Integer.toString(start + term.word.length()));
          out.write(",\"word\":");
          writeString(out, term.word);
          out.write(",\"nature\":");
          writeString(out, String.valueOf(term.nature));
          out.write("}\n");
        }
      }
      at = end + 1;
    }
  }

  static void lexicon(Set<String> natures, Writer out) throws Exception {
    Set<String> words = new LinkedHashSet<>();
    walk(CoreDictionary.trie, natures, words);
    walk(CustomDictionary.DEFAULT.dat, natures, words);
    for (String word : words) {
      emit(word, CoreDictionary.get(word), out);
      emit(word, CustomDictionary.DEFAULT.dat.get(word), out);
    }
  }

  /**
   * The keys of a loaded double-array trie, which keeps only its arrays: HanLP's builder gives every
   * node its own base, and a child at position p records its parent's base in check[p], with the
   * character p - base - 1 (the key's end at p = base). Children are grouped by check once.
   */
  static void walk(
      DoubleArrayTrie<CoreDictionary.Attribute> trie, Set<String> natures, Set<String> words)
      throws Exception {
    int[] base = (int[]) field("base").get(trie);
    int[] check = (int[]) field("check").get(trie);
    Object[] values = (Object[]) field("v").get(trie);
    int n = Math.min(base.length, check.length);
    int[] first = new int[n + 2];
    for (int p = 1; p < n; p++) if (check[p] > 0 && check[p] < n) first[check[p] + 1]++;
    for (int i = 1; i < first.length; i++) first[i] += first[i - 1];
    int[] children = new int[first[n + 1]];
    int[] fill = first.clone();
    for (int p = 1; p < n; p++) if (check[p] > 0 && check[p] < n) children[fill[check[p]]++] = p;

    StringBuilder key = new StringBuilder();
    // an explicit stack of (base, next child to visit), one level per character of the key
    int[] stackBase = new int[256];
    int[] stackNext = new int[256];
    int depth = 0;
    stackBase[0] = base[0];
    stackNext[0] = first[base[0]];
    while (depth >= 0) {
      int b = stackBase[depth];
      if (b <= 0 || b >= n || stackNext[depth] >= first[b + 1]) {
        depth--;
        if (depth >= 0 && key.length() > 0) key.setLength(key.length() - 1);
        continue;
      }
      int p = children[stackNext[depth]++];
      if (p == b) {
        int index = -base[p] - 1;
        if (base[p] < 0 && values != null && index < values.length && values[index] != null) {
          if (has((CoreDictionary.Attribute) values[index], natures)) words.add(key.toString());
        }
        continue;
      }
      if (depth + 1 >= stackBase.length) continue; // no word is this long
      key.append((char) (p - b - 1));
      depth++;
      stackBase[depth] = base[p];
      stackNext[depth] = base[p] > 0 && base[p] < n ? first[base[p]] : 0;
      if (base[p] <= 0 || base[p] >= n) {
        depth--;
        key.setLength(key.length() - 1);
      }
    }
  }

  private static Field field(String name) throws NoSuchFieldException {
    Field f = DoubleArrayTrie.class.getDeclaredField(name);
    f.setAccessible(true);
    return f;
  }

  private static boolean has(CoreDictionary.Attribute attribute, Set<String> natures) {
    for (Nature nature : attribute.nature) {
      if (nature != null && natures.contains(nature.toString())) return true;
    }
    return false;
  }

  private static void emit(String word, CoreDictionary.Attribute attribute, Writer out)
      throws IOException {
    if (attribute == null) return;
    for (int i = 0; i < attribute.nature.length; i++) {
      Nature nature = attribute.nature[i];
      if (nature == null) continue;
      out.write("{\"word\":");
      writeString(out, word);
      out.write(",\"nature\":");
      writeString(out, nature.toString());
      out.write(",\"freq\":");
      out.write(Integer.toString(attribute.frequency[i]));
      out.write("}\n");
    }
  }

  private static void writeString(Writer out, String s) throws IOException {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.write('\\');
        out.write(c);
      } else if (c < 0x20 || (c >= 0xd800 && c <= 0xdfff)) {
        out.write(String.format("\\u%04x", (int) c));
      } else {
        out.write(c);
      }
    }
    out.write('"');
  }
}
