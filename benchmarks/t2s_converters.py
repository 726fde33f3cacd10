"""Benchmark traditional -> simplified Chinese converters for govreport.

Candidates: OpenCC (t2s, plus tw2s/hk2s), zhconv (zh-cn as asked, plus the
script-only zh-hans table) and hanziconv.  For each we measure:

* length preservation (needed for a character-level offset map), on the
  corpus and on a few probe words known to trigger vocabulary rewrites;
* accuracy: word-level expectations taken from corpus file 001, plus the
  number of residual traditional characters left in the output;
* speed (chars/s, best of 3) over the whole corpus (files 000/002-004 are
  already simplified) and over file 001 repeated to the same size (all
  traditional), plus import/init time.

Run:  python benchmarks/t2s_converters.py
"""

import glob
import os
import re
import subprocess
import sys
import time

CORPUS_DIR = "/work/shared/corpus"
SAMPLE = os.path.join(CORPUS_DIR, "001_a45f798d94b9b2fe.txt")

# Pinyin annotation directly after a Han character, e.g. 經(jīng)濟.
PINYIN_RE = re.compile(
    r"(?<=[\u3400-\u9fff\uf900-\ufaff])"
    r"\([a-zü āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]+\)"
)

# Word-level expectations; every key occurs in the pinyin-stripped file 001.
# The source is a mainland report run through a naive s2t converter, hence
# 麵臨 / 控製 / 同誌 / 上遊 etc.  朝著 and 顯著 test 著 disambiguation.
EXPECTED = {
    "經濟": "经济", "發展": "发展", "產業": "产业", "增長": "增长",
    "億元": "亿元", "萬人": "万人", "萬噸": "万吨", "以內": "以内",
    "麵臨": "面临", "全麵": "全面", "局麵": "局面", "方麵": "方面",
    "麵積": "面积", "斷麵": "断面", "控製": "控制", "機製": "机制",
    "體製": "体制", "編製": "编制", "製造": "制造", "因地製宜": "因地制宜",
    "同誌": "同志", "幹部": "干部", "幹警": "干警", "實幹": "实干",
    "桑幹河": "桑干河", "朝著": "朝着", "顯著": "显著", "今後": "今后",
    "複雜": "复杂", "修複": "修复", "示範": "示范", "係列": "系列",
    "係統": "系统", "體係": "体系", "曆次": "历次", "高於": "高于",
    "並進": "并进", "奮鬥": "奋斗", "鬥爭": "斗争", "旅遊": "旅游",
    "上遊": "上游", "汙染": "污染", "標準": "标准", "規劃": "规划",
    "五台山": "五台山",
}

# Words that a vocabulary-localising converter rewrites with a different
# length (Taiwan IT / unit terms).  Only used for the length check.
LENGTH_PROBES = ["記憶體", "網際網路", "公尺", "公升", "伊斯坦堡", "優先順序"]

# Each candidate is (snippet, factory): the snippet imports and builds the
# converter in a fresh interpreter (init timing); the factory returns a
# str -> str function in this process, or raises ImportError.


def _opencc(cfg):
    def factory():
        import opencc
        if cfg + ".json" not in getattr(opencc, "CONFIGS", [cfg + ".json"]):
            raise ImportError(f"config {cfg} not shipped")
        return opencc.OpenCC(cfg).convert
    snippet = f"import opencc; f = opencc.OpenCC('{cfg}').convert"
    return snippet, factory


def _zhconv(locale):
    def factory():
        import zhconv
        return lambda s: zhconv.convert(s, locale)
    # zhconv loads its JSON table lazily on the first call.
    snippet = f"import zhconv; f = lambda s: zhconv.convert(s, '{locale}')"
    return snippet, factory


def _hanziconv():
    def factory():
        from hanziconv import HanziConv
        return HanziConv.toSimplified
    snippet = "from hanziconv import HanziConv; f = HanziConv.toSimplified"
    return snippet, factory


CANDIDATES = {
    "opencc t2s": _opencc("t2s"),
    "opencc tw2s": _opencc("tw2s"),
    "opencc hk2s": _opencc("hk2s"),
    "zhconv zh-cn": _zhconv("zh-cn"),
    "zhconv zh-hans": _zhconv("zh-hans"),
    "hanziconv": _hanziconv(),
}


def read_stripped(path):
    with open(path, encoding="utf-8") as fh:
        return PINYIN_RE.sub("", fh.read())


def init_seconds(snippet, runs=3):
    """Import + construct + first conversion, in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); " + snippet + "; f('測試'); "
        "print(time.perf_counter() - t)"
    )
    best = float("inf")
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code],
                             capture_output=True, text=True, check=True)
        best = min(best, float(out.stdout.strip()))
    return best


def chars_per_second(conv, text, runs=3):
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        conv(text)
        best = min(best, time.perf_counter() - t)
    return len(text) / best


def word_misses(conv, text, out):
    """Expected words not converted right at every occurrence in `text`.

    With a length-preserving converter the output is aligned with the input,
    so the slice at the same offset is checked.  Otherwise fall back to
    converting each containing line and counting the expected word there.
    """
    aligned = len(out) == len(text)
    misses = []
    for src, want in EXPECTED.items():
        starts = [m.start() for m in re.finditer(re.escape(src), text)]
        if aligned:
            ok = all(out[i:i + len(src)] == want for i in starts)
        else:
            ok = True
            for line in {ln for ln in text.splitlines() if src in ln}:
                ok &= conv(line).count(want) >= line.count(src)
        if not ok:
            # Show the first offending occurrence.
            got = next((out[i:i + len(src)] for i in starts
                        if out[i:i + len(src)] != want), "?") if aligned else "?"
            misses.append(f"{src}->{got}")
    return misses


def main():
    if not os.path.exists(SAMPLE):
        print(f"corpus file not found: {SAMPLE} -- nothing to benchmark")
        return 0
    sample = read_stripped(SAMPLE)
    full = "".join(read_stripped(p)
                   for p in sorted(glob.glob(os.path.join(CORPUS_DIR, "*.txt"))))
    missing = [w for w in EXPECTED if w not in sample]
    assert not missing, f"expected words absent from sample: {missing}"

    convs = {}
    for name, (_snippet, factory) in CANDIDATES.items():
        try:
            convs[name] = factory()
        except ImportError as exc:
            print(f"{name}: not installed ({exc})")

    # Residual traditional characters.  Each distinct sample character is
    # converted in isolation by every candidate: "any" = changed by at least
    # one candidate (includes ambiguous chars such as 著/乾), "all" = changed
    # by every candidate (unambiguously traditional).
    chars = sorted(set(sample))
    changed = {n: {c for c in chars if f(c) != c} for n, f in convs.items()}
    trad_any = set().union(*changed.values()) if changed else set()
    trad_all = set.intersection(*changed.values()) if changed else set()

    print(f"sample: {len(sample)} chars after pinyin stripping; "
          f"speed corpus: {len(full)} chars; {len(EXPECTED)} words")
    # Traditional-only speed text: file 001 repeated to the corpus size.
    trad = sample * max(1, len(full) // len(sample))
    header = ("converter", "len-preserving corpus/probe", "words right",
              "resid all/any", "chars/s corpus", "chars/s trad", "init s")
    rows = [header]
    misses = {}
    for name, conv in convs.items():
        out = conv(sample)
        misses[name] = word_misses(conv, sample, out)
        len_corpus = len(out) == len(sample) and len(conv(full)) == len(full)
        len_probe = all(len(conv(w)) == len(w) for w in LENGTH_PROBES)
        rows.append((
            name,
            f"{'yes' if len_corpus else 'NO'}/{'yes' if len_probe else 'NO'}",
            f"{len(EXPECTED) - len(misses[name])}/{len(EXPECTED)}",
            f"{sum(c in trad_all for c in out)}/{sum(c in trad_any for c in out)}",
            f"{chars_per_second(conv, full):,.0f}",
            f"{chars_per_second(conv, trad):,.0f}",
            f"{init_seconds(CANDIDATES[name][0]):.3f}",
        ))
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    for r in rows:
        print(" | ".join(c.ljust(w) for c, w in zip(r, widths)))

    # Show the misses so the numbers can be checked by eye.
    for name, conv in convs.items():
        left = sorted({c for c in conv(sample) if c in trad_any})
        print(f"{name}: misses {misses[name] or '-'}; "
              f"residual chars {''.join(left) or '-'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
