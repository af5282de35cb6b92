"""Quote-span and speaker accuracy of the quote extractor on other projects' annotated news.

``python -m bench.peers_quotes [--peers ../shared/peers] [--split test]`` reads the data at run
time (it is never copied into the repository) and prints:

- PolNeAR (political news attribution relations), one annotator file per article: the gold
  direct quotes are the attributions whose Content is entirely inside quotation marks (peers
  README section 3). A predicted top-level quote matches a gold one exactly when the two spans
  are equal after the marks and trailing punctuation are stripped, or by overlap. Precision,
  recall and F1 for both, scare quotes counted and left out. Speaker accuracy on the matched
  quotes: the predicted speaker mention overlaps the gold Source span; gold sources that are bare
  pronouns are reported apart.
- UD English GUM news (Wikinews): the ``<quote>`` and ``<q>`` spans of the treebank (no speakers
  there), text rebuilt from the tokens and SpaceAfter=No; span P/R/F1 by overlap and exact.
- textacy's direct-quotation smoke cases: the quoted content and the speaker tokens.

Not a test: it reports numbers.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import quotes  # noqa: E402
from engine.model import Article  # noqa: E402
from engine.text import analyse  # noqa: E402

OPENING = '\u201c"'
CLOSING = '\u201d"'
STRIP = " \t\n,.;:!?\u201c\u201d\"'\u2018\u2019"
PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "his", "her", "their"}


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    source: tuple[tuple[int, int], ...]
    source_text: str


def _spans(field: str) -> list[tuple[int, int]]:
    out = []
    for piece in field.split(";"):
        a, b = piece.split()
        out.append((int(a), int(b)))
    return out


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in STRIP:
        start += 1
    while end > start and text[end - 1] in STRIP:
        end -= 1
    return start, end


def read_polnear(text: str, ann: str) -> list[Gold]:
    return _read(text, ann)[0]


def _read(text: str, ann: str) -> tuple[list[Gold], list[tuple[int, int]]]:
    """The fully quoted gold quotes, and the spans of partly quoted contents (a harder tier)."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events = []
    for line in ann.splitlines():
        if line.startswith("T"):
            tid, middle, surface = line.split("\t", 2)
            kind, _, where = middle.partition(" ")
            spans[tid] = (kind, _spans(where), surface)
        elif line.startswith("E"):
            _, args = line.split("\t", 1)
            events.append(dict(a.split(":", 1) for a in args.split()))
    gold = []
    mixed = []
    for e in events:
        content = spans.get(e.get("Content", ""))
        if content is None:
            continue
        start, end = content[1][0][0], content[1][-1][1]
        raw = text[start:end].strip().rstrip(",.")
        if not (raw[:1] in OPENING and raw[-1:] in CLOSING and len(raw) > 2):
            if any(c in raw for c in OPENING + CLOSING):
                mixed.append((start, end))
            continue
        inner = raw[1:-1]
        if any(c in inner for c in "\u201c\u201d"):
            mixed.append((start, end))
            continue  # partly quoted: a harder tier, left out
        source = spans.get(e.get("Source", ""))
        s, t = _strip(text, start, end)
        gold.append(Gold(s, t, tuple(source[1]) if source else (), source[2] if source else ""))
    return gold, mixed


def score_polnear(peers: Path, split: str) -> None:
    base = peers / "polnear" / "data" / split
    texts = sorted((base / "text").glob("*.txt"))
    anns = sorted((base / "attributions").glob("*.ann"))
    counts: Counter[str] = Counter()
    for path in texts:
        ann = next((a for a in anns if a.name.startswith(path.stem + "_")), None)
        if ann is None:
            continue
        text = path.read_text(encoding="utf-8")
        gold, mixed = _read(text, ann.read_text(encoding="utf-8"))
        found = [q for q in quotes.extract(analyse(Article(path.stem, text))) if q.depth == 0]
        for tag in ("all", "noscare", "nomixed"):
            with_scare = tag == "all"
            pred = [q for q in found if with_scare or not q.scare]
            if tag == "nomixed":
                # quotes inside partly quoted attributions are neither right nor wrong here
                pred = [
                    q
                    for q in pred
                    if not any(q.start < e and s < q.end for s, e in mixed)
                    or any(q.start < g.end and g.start < q.end for g in gold)
                ]
            counts[f"{tag}.pred"] += len(pred)
            counts[f"{tag}.gold"] += len(gold)
            spans = [_strip(text, q.start, q.end) for q in pred]
            exact = {(s, e) for s, e in spans} & {(g.start, g.end) for g in gold}
            counts[f"{tag}.exact"] += len(exact)
            used: set[int] = set()
            for g in gold:
                k = next(
                    (k for k, (s, e) in enumerate(spans) if k not in used and s < g.end and g.start < e),
                    None,
                )
                if k is None:
                    continue
                used.add(k)
                counts[f"{tag}.overlap"] += 1
                if not with_scare or not g.source:
                    continue
                q = pred[k]
                pronoun = g.source_text.strip().lower() in PRONOUNS
                key = "pronoun" if pronoun else "named"
                counts[f"speaker.{key}.total"] += 1
                grounding = getattr(q, "grounding", None) or "none"
                counts[f"grounding.{grounding}.total"] += 1
                if q.speaker_start is not None and any(
                    q.speaker_start < b and a < q.speaker_end for a, b in g.source
                ):
                    counts[f"speaker.{key}.right"] += 1
                    counts[f"grounding.{grounding}.right"] += 1
                elif q.speaker_start is None:
                    counts[f"speaker.{key}.none"] += 1
    print(f"PolNeAR {split}: {len(texts)} articles, {counts['all.gold']} fully quoted gold quotes")
    for tag, label in (
        ("all", "every quote"),
        ("noscare", "scare quotes left out"),
        ("nomixed", "and partly quoted tier"),
    ):
        for how in ("exact", "overlap"):
            tp, pred, gold = counts[f"{tag}.{how}"], counts[f"{tag}.pred"], counts[f"{tag}.gold"]
            p = tp / pred if pred else 0.0
            r = tp / gold if gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(
                f"  spans {how:7s} ({label:22s}) P={p:.3f} R={r:.3f} F1={f:.3f} "
                f"(tp={tp} pred={pred} gold={gold})"
            )
    for key in ("named", "pronoun"):
        total = counts[f"speaker.{key}.total"]
        right = counts[f"speaker.{key}.right"]
        none = counts[f"speaker.{key}.none"]
        if total:
            print(
                f"  speaker ({key} gold source): {right}/{total} = {right / total:.3f} "
                f"(no speaker found: {none})"
            )
    total = counts["speaker.named.total"] + counts["speaker.pronoun.total"]
    right = counts["speaker.named.right"] + counts["speaker.pronoun.right"]
    if total:
        print(f"  speaker (all): {right}/{total} = {right / total:.3f}")
    # how each matched quote's speaker was found (engine.quotes.EXPLICIT ...), and how often
    # its speaker words are the gold source's
    shares = []
    for grounding in ("explicit", "near", "inherited", "far", "none"):
        n = counts[f"grounding.{grounding}.total"]
        if n:
            shares.append(f"{grounding} {counts[f'grounding.{grounding}.right']}/{n}")
    if shares:
        print(f"  speaker by grounding: {', '.join(shares)}")


_XML_TAG = re.compile(r"<(/?)(quote|q)\b[^>]*>")


def read_gum(path: Path) -> tuple[str, list[tuple[int, int]]]:
    """The text of one GUM document and its quotation spans (marks stripped)."""
    pieces: list[str] = []
    pos = 0
    spans: list[tuple[int, int]] = []
    stack: list[tuple[str, int]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and pieces:
            pieces.append("\n")
            pos += 1
            continue
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if "-" in cols[0] or "." in cols[0]:
            continue
        form, misc = cols[1], cols[9]
        start = pos
        pieces.append(form)
        pos += len(form)
        for m in _XML_TAG.finditer(misc):
            closing, tag = m.group(1), m.group(2)
            if not closing:
                stack.append((tag, start))
            else:
                k = next((i for i in range(len(stack) - 1, -1, -1) if stack[i][0] == tag), None)
                if k is not None:
                    spans.append((stack[k][1], pos))
                    del stack[k:]
        if "SpaceAfter=No" not in misc:
            pieces.append(" ")
            pos += 1
    text = "".join(pieces)
    return text, [_strip(text, s, e) for s, e in spans]


def score_gum(peers: Path) -> None:
    files = sorted((peers / "ud-english-gum-news" / "not-to-release" / "sources").glob("GUM_news_*.conllu"))
    counts: Counter[str] = Counter()
    for path in files:
        text, gold = read_gum(path)
        pred = [
            _strip(text, q.start, q.end)
            for q in quotes.extract(analyse(Article(path.stem, text)))
            if q.depth == 0
        ]
        counts["gold"] += len(gold)
        counts["pred"] += len(pred)
        counts["exact"] += len(set(gold) & set(pred))
        counts["overlap.recall"] += sum(any(s < e2 and s2 < e for s2, e2 in pred) for s, e in gold)
        counts["overlap.precision"] += sum(any(s < e2 and s2 < e for s2, e2 in gold) for s, e in pred)
    print(f"GUM news: {len(files)} documents, {counts['gold']} <quote>/<q> spans")
    for how in ("exact", "overlap"):
        if how == "exact":
            p = counts["exact"] / counts["pred"] if counts["pred"] else 0.0
            r = counts["exact"] / counts["gold"] if counts["gold"] else 0.0
        else:
            p = counts["overlap.precision"] / counts["pred"] if counts["pred"] else 0.0
            r = counts["overlap.recall"] / counts["gold"] if counts["gold"] else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        print(
            f"  spans {how:7s} P={p:.3f} R={r:.3f} F1={f:.3f} (pred={counts['pred']} gold={counts['gold']})"
        )


def score_textacy(peers: Path) -> None:
    data = json.loads((peers / "textacy-direct-quotations" / "direct_quotations_en.json").read_text())
    passed = 0
    cases = data["cases"]
    for case in cases:
        text = case["text"]
        found = [q for q in quotes.extract(analyse(Article("t", text))) if q.depth == 0 and not q.scare]
        expected = case["expected"]
        ok = len(found) == len(expected)
        notes = []
        for q, exp in zip(found, expected, strict=False):
            content = exp["content"].strip(STRIP)
            got = text[q.start : q.end].strip(STRIP)
            speaker = text[q.speaker_start : q.speaker_end] if q.speaker_start is not None else ""
            same_content = got == content or " ".join(
                text[p.start : p.end].strip(STRIP) for p in q.parts
            ) == " ".join(content.split())
            same_speaker = all(tok in speaker for tok in exp["speaker_tokens"])
            ok = ok and same_content and same_speaker
            notes.append(f"content {'ok' if same_content else repr(got)}, speaker {speaker!r}")
        passed += ok
        flag = " (disabled upstream)" if case.get("disabled_upstream") else ""
        if not expected:
            notes = [f"found {text[q.start : q.end]!r}" for q in found] or [
                "no direct quotation, as expected"
            ]
        print(f"  {'PASS' if ok else 'FAIL'} {text!r}{flag}: {'; '.join(notes)}")
    print(f"textacy direct quotations: {passed}/{len(cases)} cases")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--peers", type=Path, default=ROOT.parent / "shared" / "peers")
    ap.add_argument("--split", default="test", choices=["test", "dev"])
    a = ap.parse_args()
    score_polnear(a.peers, a.split)
    score_gum(a.peers)
    score_textacy(a.peers)


if __name__ == "__main__":
    main()
