"""Verb-group tense and aspect accuracy of the tense check on other projects' annotated news.

``python -m bench.peers_tense [--peers ../shared/peers]`` reads the treebanks at run time (they
are never copied into the repository) and prints:

- UD English GUM, the 24 Wikinews documents (primary), and optionally the EWT test split: gold
  clause tense derived from FEATS and the aux children of each finite predicate by the rule fixed
  in peers/README.md section 5 (future if an aux is will/shall; perfect if an aux is have and the
  head is a past participle; progressive if an aux is be and the head is a present participle;
  past or present from the first finite aux, else from the head; other modals are "modal"). Each
  gold predicate is matched to the engine's verb group that covers its finite word.
- TempEval-3 platinum: the tense and aspect of the events annotated as verbs, matched to the
  verb group that covers the event word; events marked INFINITIVE, PRESPART, PASTPART or NONE
  count as non-finite, which the engine should not report as verb groups.

Reports coverage (gold finite predicates with a verb group), tense accuracy and aspect accuracy
on the matched ones, a tense confusion matrix, and verb groups that match no gold finite word.
Not a test: it reports numbers.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from engine import tense  # noqa: E402
from engine.model import Article  # noqa: E402
from engine.text import analyse  # noqa: E402

# Modals that the gold rule reports as "modal"; "have to" keeps its tense there ("had" is a verb).
PLAIN_MODALS = {"would", "could", "can", "may", "might", "must", "should", "ought"}


@dataclass
class Gold:
    start: int  # the finite word the predicate is matched by
    end: int
    tense: str  # past, present, future, modal
    aspect: str  # simple, progressive, perfect, perfect progressive
    text: str


def engine_tense(g: tense.VerbGroup) -> str:
    if g.modality in PLAIN_MODALS:
        return "modal"
    return g.tense


# --------------------------------------------------------------------------- CoNLL-U


def read_conllu(path: Path):
    """Sentences as (text, rows); rows are dicts for the syntactic words, with character spans."""
    sentence_text = None
    rows: list[dict] = []
    ranges: dict[int, tuple[int, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# text = "):
            sentence_text = line[len("# text = ") :]
        elif not line.strip():
            if rows and sentence_text is not None:
                yield sentence_text, _spans(sentence_text, rows, ranges)
            sentence_text, rows, ranges = None, [], {}
        elif not line.startswith("#"):
            cols = line.split("\t")
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                ranges[int(a)] = (int(b), cols[1])
                continue
            if "." in cols[0]:
                continue
            feats = dict(f.split("=", 1) for f in cols[5].split("|") if "=" in f)
            rows.append(
                {
                    "id": int(cols[0]),
                    "form": cols[1],
                    "lemma": cols[2].lower(),
                    "upos": cols[3],
                    "feats": feats,
                    "head": int(cols[6]),
                    "deprel": cols[7],
                }
            )
    if rows and sentence_text is not None:
        yield sentence_text, _spans(sentence_text, rows, ranges)


def _spans(text: str, rows: list[dict], ranges: dict[int, tuple[int, str]]) -> list[dict]:
    cursor = 0
    skip_until = 0
    span = (0, 0)
    for row in rows:
        if row["id"] in ranges:
            last, surface = ranges[row["id"]]
            at = text.find(surface, cursor)
            at = cursor if at < 0 else at
            span = (at, at + len(surface))
            cursor = span[1]
            skip_until = last
        if row["id"] <= skip_until:
            row["span"] = span
            continue
        at = text.find(row["form"], cursor)
        at = cursor if at < 0 else at
        row["span"] = (at, at + len(row["form"]))
        cursor = row["span"][1]
    return rows


def gold_predicates(rows: list[dict]) -> list[Gold]:
    """Finite predicates by the frozen rule of peers/README.md section 5."""
    by_id = {r["id"]: r for r in rows}
    children: dict[int, list[dict]] = {}
    for r in rows:
        children.setdefault(r["head"], []).append(r)
    out = []
    seen: set[int] = set()
    for r in rows:
        if r["feats"].get("VerbForm") != "Fin":
            continue
        if r["deprel"] in ("aux", "aux:pass", "cop"):
            head = by_id.get(r["head"])
        else:
            head = r
        if head is None or head["id"] in seen:
            continue
        seen.add(head["id"])
        auxes = [
            c
            for c in children.get(head["id"], [])
            if c["deprel"] in ("aux", "aux:pass", "cop") and c["id"] < head["id"]
        ]
        finite = [c for c in auxes if c["feats"].get("VerbForm") == "Fin"]
        anchor = finite[0] if finite else head
        hf = head["feats"]
        lemmas = {c["lemma"] for c in auxes if c["deprel"] == "aux"}
        modal = any(c["feats"].get("VerbForm") == "Fin" and "Tense" not in c["feats"] for c in auxes)
        if lemmas & {"will", "shall", "'ll", "wo"}:
            t = "future"
        elif modal or (auxes and auxes[0]["upos"] == "AUX" and auxes[0]["lemma"] in PLAIN_MODALS):
            t = "modal"
        elif finite and "Tense" in finite[0]["feats"]:
            t = {"Past": "past", "Pres": "present"}.get(finite[0]["feats"]["Tense"], "?")
        elif "Tense" in hf and hf.get("VerbForm") == "Fin":
            t = {"Past": "past", "Pres": "present"}.get(hf["Tense"], "?")
        else:
            continue
        part = hf.get("VerbForm") == "Part"
        perfect = "have" in lemmas and part and hf.get("Tense") == "Past"
        progressive = "be" in lemmas and part and hf.get("Tense") == "Pres"
        # "has been doing": the progressive's be is a participle aux; have marks the perfect.
        if progressive and "have" in lemmas:
            perfect = True
        aspect = (
            "perfect progressive"
            if perfect and progressive
            else "perfect"
            if perfect
            else "progressive"
            if progressive
            else "simple"
        )
        out.append(Gold(anchor["span"][0], anchor["span"][1], t, aspect, anchor["form"]))
    return out


def finite_words(rows: list[dict]) -> list[tuple[int, int]]:
    return [r["span"] for r in rows if r["feats"].get("VerbForm") == "Fin"]


# --------------------------------------------------------------------------- scoring


@dataclass
class Score:
    gold: int = 0
    matched: int = 0
    tense_ok: int = 0
    aspect_ok: int = 0
    groups: int = 0
    spurious: int = 0

    def lines(self, name: str, confusion: Counter) -> list[str]:
        def pct(a: int, b: int) -> str:
            return f"{100 * a / b:.1f}% ({a}/{b})" if b else "n/a"

        out = [
            f"{name}: {self.gold} gold finite predicates, {self.groups} engine verb groups",
            f"  coverage (gold with a group)  {pct(self.matched, self.gold)}",
            f"  tense accuracy on matched     {pct(self.tense_ok, self.matched)}",
            f"  aspect accuracy on matched    {pct(self.aspect_ok, self.matched)}",
            f"  groups on no finite word      {pct(self.spurious, self.groups)}",
            "  tense confusion (gold -> engine):",
        ]
        for (g, e), n in sorted(confusion.items(), key=lambda kv: -kv[1]):
            out.append(f"    {g:8s} -> {e:8s} {n}")
        return out


def score_ud(files: list[Path], verbose: bool = False) -> tuple[Score, Counter]:
    score, confusion = Score(), Counter()
    for path in files:
        sentences = list(read_conllu(path))
        text = "\n".join(s for s, _ in sentences)
        groups = tense.extract(analyse(Article(path.stem, text)))
        offset = 0
        golds: list[Gold] = []
        finite: list[tuple[int, int]] = []
        for s, rows in sentences:
            for g in gold_predicates(rows):
                golds.append(Gold(g.start + offset, g.end + offset, g.tense, g.aspect, g.text))
            finite.extend((a + offset, b + offset) for a, b in finite_words(rows))
            offset += len(s) + 1
        _score(groups, golds, finite, score, confusion, text if verbose else None)
    return score, confusion


def _score(groups, golds, finite, score: Score, confusion: Counter, text: str | None) -> None:
    score.groups += len(groups)
    score.gold += len(golds)
    for gold in golds:
        hit = next((g for g in groups if g.start < gold.end and gold.start < g.end), None)
        if hit is None:
            if text is not None:
                print(f"  missed {gold.text!r} ({gold.tense}) in: {_line(text, gold.start)}")
            continue
        score.matched += 1
        mine = engine_tense(hit)
        confusion[(gold.tense, mine)] += 1
        score.tense_ok += mine == gold.tense
        score.aspect_ok += hit.aspect == gold.aspect
        if text is not None and (mine != gold.tense or hit.aspect != gold.aspect):
            print(
                f"  wrong {hit.text!r}: {mine}/{hit.aspect}, gold {gold.tense}/{gold.aspect}: "
                f"{_line(text, gold.start)}"
            )
    for g in groups:
        if not any(a < g.end and g.start < b for a, b in finite):
            score.spurious += 1
            if text is not None:
                print(f"  spurious {g.text!r}: {_line(text, g.start)}")


def _line(text: str, at: int) -> str:
    a = text.rfind("\n", 0, at) + 1
    b = text.find("\n", at)
    return text[a : b if b >= 0 else len(text)][:160]


# --------------------------------------------------------------------------- TempEval-3

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def score_tempeval(folder: Path) -> tuple[Score, Counter, int]:
    """Events with pos=VERB; finite ones scored like UD predicates, non-finite ones counted
    when the engine puts a verb group on them."""
    score, confusion = Score(), Counter()
    nonfinite_flagged = 0
    for path in sorted(folder.glob("*.tml")):
        raw = path.read_text(encoding="utf-8")
        body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
        instances = {
            dict(_ATTR.findall(m.group(3)))["eventID"]: dict(_ATTR.findall(m.group(3)))
            for m in _TAG.finditer(raw[raw.index("</TEXT>") :])
            if m.group(2) == "MAKEINSTANCE"
        }
        text_parts: list[str] = []
        events: list[tuple[int, int, str]] = []
        pos = 0
        length = 0
        open_event: tuple[str, int] | None = None
        for m in _TAG.finditer(body):
            chunk = body[pos : m.start()]
            text_parts.append(chunk)
            length += len(chunk)
            pos = m.end()
            if m.group(2) == "EVENT":
                if m.group(1) == "":
                    open_event = (dict(_ATTR.findall(m.group(3)))["eid"], length)
                elif open_event is not None:
                    events.append((open_event[1], length, open_event[0]))
                    open_event = None
        text_parts.append(body[pos:])
        text = "".join(text_parts)
        groups = tense.extract(analyse(Article(path.stem, text)))
        golds, finite = [], []
        for start, end, eid in events:
            inst = instances.get(eid)
            if inst is None or inst.get("pos") != "VERB":
                continue
            t = inst.get("tense", "NONE")
            if t in ("INFINITIVE", "PRESPART", "PASTPART", "NONE"):
                if t != "NONE" and any(g.head_start <= start < g.head_end for g in groups):
                    nonfinite_flagged += 1
                continue
            gold_tense = t.lower()
            if inst.get("modality") and inst.get("modality").lower() not in ("will", "shall", "'ll"):
                gold_tense = "modal"
            aspect = {
                "PERFECTIVE": "perfect",
                "PROGRESSIVE": "progressive",
                "PERFECTIVE_PROGRESSIVE": "perfect progressive",
            }.get(inst.get("aspect", "NONE"), "simple")
            golds.append(Gold(start, end, gold_tense, aspect, text[start:end]))
            finite.append((start, end))
        score.gold += len(golds)
        score.groups += len(groups)
        for gold in golds:
            hit = next((g for g in groups if g.start < gold.end and gold.start < g.end), None)
            if hit is None:
                continue
            score.matched += 1
            mine = engine_tense(hit)
            confusion[(gold.tense, mine)] += 1
            score.tense_ok += mine == gold.tense
            score.aspect_ok += hit.aspect == gold.aspect
    return score, confusion, nonfinite_flagged


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.peers_tense", description=__doc__.split("\n")[0])
    parser.add_argument("--peers", type=Path, default=ROOT.parent / "shared" / "peers")
    parser.add_argument("--ewt", action="store_true", help="also score the UD EWT test split")
    parser.add_argument("--tempeval", action="store_true", help="also score TempEval-3 platinum")
    parser.add_argument("--verbose", action="store_true", help="print every miss and error (GUM)")
    args = parser.parse_args(argv)
    gum = sorted((args.peers / "ud-english-gum-news/not-to-release/sources").glob("GUM_news_*.conllu"))
    if not gum:
        print(f"no GUM news files under {args.peers}; pass --peers", file=sys.stderr)
        return 2
    score, confusion = score_ud(gum, verbose=args.verbose)
    print("\n".join(score.lines(f"UD GUM news ({len(gum)} docs)", confusion)))
    if args.ewt:
        score, confusion = score_ud([args.peers / "ud-english-ewt/en_ewt-ud-test.conllu"])
        print("\n".join(score.lines("UD EWT test (web genres, not news)", confusion)))
    if args.tempeval:
        folder = args.peers / "tempeval3-platinum/data/TempEval3/Evaluation/te3-platinum"
        score, confusion, flagged = score_tempeval(folder)
        lines = score.lines("TempEval-3 platinum, finite verb events (all groups counted)", confusion)
        lines = [ln for ln in lines if "no finite word" not in ln]
        print("\n".join(lines))
        print(f"  non-finite verb events (infinitive, participle) given a verb group head: {flagged}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
