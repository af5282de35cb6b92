"""Value accuracy of the numbers extractor on other projects' number test cases.

Reads ``../shared/peers`` at run time (never copied here): Recognizers-Text English specs
(numbers, percentages, ordinals, number ranges, currency, ages, durations) and quantulum3's
English test sentences. For every expected entity, the extractor *claims* it when it returns a
quantity of the matching kind whose span overlaps the expected span; a claim is *value-correct*
when the normalised value agrees (relative tolerance 1e-6; ranges by both ends; money also by
currency when the case names one). Accuracy is value-correct / claimed. Kinds the engine does
not extract (relative ordinals such as "last", temperatures, data sizes, compound units) are
never claimed and so are not scored; the output lists how many cases each file has, how many
the extractor claimed, and how many of those it got right.

Usage: ``python -m bench.peers_numbers [--peers ../shared/peers] [--verbose]``
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import defaultdict
from pathlib import Path

from engine.constants import MEASURE_UNITS
from engine.model import Article
from engine.numbers import Quantity, extract
from engine.text import analyse

RT = "recognizers-text/Specs"
QU = "quantulum3/quantulum3/_lang/en_US/tests"

# Recognizers-Text currency units without an isoCurrency -> the code the engine uses.
RT_CURRENCY = {
    "Dollar": "USD",
    "Pound": "GBP",
    "Euro": "EUR",
    "Yen": "JPY",
    "Cent": "USD",
    "Pence": "GBP",
}
QU_CURRENCY = {"dollar": "USD", "euro": "EUR", "pound sterling": "GBP", "cent": "USD", "penny": "GBP"}
QU_MEASURE = {
    "metre": "metre",
    "kilometre": "kilometre",
    "mile": "mile",
    "inch": "inch",
    "foot": "foot",
    "milligram": "milligram",
    "gram": "gram",
    "kilogram": "kilogram",
    "tonne": "tonne",
    "litre": "litre",
    "gallon": "gallon",
    "square kilometre": "square kilometres",
    "square mile": "square miles",
    "kilometre per hour": "km/h",
}
QU_DURATION = {"year": 1.0, "month": 1 / 12, "week": 7.0, "day": 1.0, "hour": 3600.0}
QU_DURATION_BASE = {"year": "year", "month": "year", "week": "day", "day": "day", "hour": "second"}
TIMEX_UNIT = {"Y": ("year", 1.0), "M": ("year", 1 / 12), "W": ("day", 7.0), "D": ("day", 1.0)}
TIMEX_TIME = {"H": 3600.0, "M": 60.0, "S": 1.0}


# Written forms that news copy does not use, each with the reason it is set apart. The script
# prints the accuracy on every claimed case and, separately, on the claimed cases without them.
NON_NEWS_FORMS = [
    (re.compile(r"\^|\d[eE][-+]?\d|x10"), "scientific or power notation"),
    (
        re.compile(r"(?i)\b(?:over|out of|in)\b (?:\d|one|two|three|twenty|five)"),
        "ratio read as a fraction",
    ),
    (re.compile(r"(?i)\b(?:point|nought|naught)\b"), "spelled-out decimal point"),
    (
        re.compile(
            r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twenty|thirty|hundred|thousand"
            r"|a|and)"
            r"[ -](?:\w+[ -])?(?:thirds?|fourths|fifths?|sixths|sevenths|eighths|ninths|tenths|firsts|halves"
            r"|quarters?|trillionths|thirtieth)\b"
        ),
        "spelled fraction",
    ),
    (re.compile(r"\d[ \u202f]\d{3}\b|\d\.\d{3},\d"), "space or European digit grouping"),
    (re.compile(r"(?i)\d+/\d+"), "slash fraction"),
    (
        re.compile(r"(?i)(?:dollars?|usd)\s*(?:and\s+)?(?:\d+|forty|fifty|one|two)\b"),
        "amount in two units",
    ),
    (re.compile(r"(?i)\b(?:c|us|u\.s) \$"), "tokenised currency prefix (c $)"),
    (re.compile(r"(?i)\b(?:dzs|dozs|mil|tln|\d+b)\b|\d(?:b|mil)\b"), "rare abbreviation"),
    (re.compile(r"(?i)\b(?:half|quarter|three quarters) (?:million|billion)"), "fraction of a scale word"),
    (
        re.compile(r"(?i)\b\d+ (?:thousand|hundred|crore|lakh) (?:and )?(?:\d|one|two|three)"),
        "digits and scale words mixed",
    ),
    (re.compile(r"\d+\.\d+\.\d+"), "dotted number (address, version)"),
    (re.compile(r"^\s*- \d"), "tokenised minus sign"),
    (re.compile(r"\d,\d(?!\d)"), "decimal comma"),
    (re.compile(r"(?i)\d \$|\d (?:rmb|usd) \d"), "currency sign after the figure"),
    (
        re.compile(r"(?i)\b\d+ (?:year|month|week|day)s? \d+ (?:year|month|week|day)"),
        "duration in several units",
    ),
    (
        re.compile(
            r"(?i)\b(?:one|two|three|four|five|six|seven|eight|nine|ten) (?:week|day|year|month)s? "
            r"(?:one|two|three)"
        ),
        "duration in several units",
    ),
]


def non_news(text: str) -> str | None:
    for pattern, reason in NON_NEWS_FORMS:
        if pattern.search(text):
            return reason
    return None


def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def quantities(text: str) -> tuple[Quantity, ...]:
    return extract(analyse(Article(id="case", text=text)))


def overlapping(qs, start: int, end: int, kinds) -> list[Quantity]:
    """Quantities of ``kinds`` that overlap ``[start, end)``, the largest overlap first."""
    found = [q for q in qs if q.start < end and start < q.end and q.kind in kinds]
    return sorted(found, key=lambda q: (-(min(end, q.end) - max(start, q.start)), q.start))


class Tally:
    def __init__(self) -> None:
        # (file, kind) -> [cases, claimed, correct, news cases, news claimed, news correct]
        self.rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 6)
        self.misses: list[str] = []
        self.set_apart: dict[str, int] = defaultdict(int)

    def add(self, source: str, kind: str, claimed: bool, correct: bool, note: str, text: str = "") -> None:
        row = self.rows[(source, kind)]
        reason = non_news(text)
        for offset in (0,) if reason is not None else (0, 3):
            row[offset] += 1
            row[offset + 1] += claimed
            row[offset + 2] += correct
        if reason is not None:
            self.set_apart[reason] += 1
        if claimed and not correct:
            self.misses.append(f"{source} [{kind}] {note}" + (f" ({reason})" if reason else ""))


def number_ok(q: Quantity, value: float) -> bool:
    return close(q.value, value)


def range_ok(q: Quantity, low: float | None, high: float | None) -> bool:
    return q.kind == "range" and (low is None or close(q.low, low)) and (high is None or close(q.high, high))


def parse_interval(text: str) -> tuple[float | None, float | None]:
    m = re.fullmatch(r"[\[(]\s*([-\d.]*)\s*,\s*([-\d.]*)\s*[\])]", text)
    if not m:
        return None, None
    low = float(m.group(1)) if m.group(1) else None
    high = float(m.group(2)) if m.group(2) else None
    return low, high


def run_recognizers(root: Path, tally: Tally) -> None:
    specs = {
        "Number/English/NumberModel.json": "number",
        "Number/English/PercentModel.json": "percentage",
        "Number/English/OrdinalModel.json": "ordinal",
        "Number/English/NumberRangeModel.json": "numberrange",
        "NumberWithUnit/English/CurrencyModel.json": "currency",
        "NumberWithUnit/English/AgeModel.json": "age",
    }
    kinds_for = {
        "number": ("count", "number", "year", "fraction"),
        "percentage": ("percent",),
        "ordinal": ("ordinal",),
        "numberrange": ("range",),
        "currency": ("money",),
        "age": ("age",),
    }
    for rel, family in specs.items():
        path = root / RT / rel
        source = rel.split("/")[-1]
        for case in json.loads(path.read_text(encoding="utf-8-sig")):
            qs = quantities(case["Input"])
            for res in case.get("Results", []):
                type_name = res.get("TypeName", "")
                if type_name == "ordinal.relative":
                    continue  # relative ordinals ("last", "next") are not quantities here
                start, end = res["Start"], res["End"] + 1
                found = overlapping(qs, start, end, kinds_for[family])
                value = res.get("Resolution", {}).get("value") or ""
                if not value:
                    continue  # an entity with no value to compare (a currency name alone)
                ok = False
                if found and value:
                    q = found[0]
                    if family == "percentage":
                        ok = number_ok(q, float(value.rstrip("%")))
                    elif family == "ordinal":
                        ok = res["Resolution"].get("relativeTo", "start") == "start" and number_ok(
                            q, float(value)
                        )
                    elif family == "numberrange":
                        ok = range_ok(q, *parse_interval(value))
                    elif family == "currency":
                        unit = res["Resolution"].get("unit")
                        iso = res["Resolution"].get("isoCurrency") or RT_CURRENCY.get(unit)
                        # The engine states cents and pence in the main unit (34 cents = 0.34 USD).
                        factor = 0.01 if unit in ("Cent", "Pence", "Penny") else 1.0
                        ok = number_ok(q, float(value) * factor) and (iso is None or q.unit == iso)
                    else:
                        try:
                            ok = number_ok(q, float(value))
                        except ValueError:
                            ok = False
                tally.add(
                    source,
                    family,
                    bool(found),
                    ok,
                    f"{case['Input'][:70]!r} want {value} got {found[0].value if found else None}",
                    case["Input"],
                )
    path = root / RT / "DateTime/English/DurationParser.json"
    for case in json.loads(path.read_text(encoding="utf-8-sig")):
        qs = quantities(case["Input"])
        for res in case.get("Results", []):
            start = res["Start"]
            end = start + res["Length"]
            found = overlapping(qs, start, end, ("duration",))
            timex = res["Value"]["Timex"]
            ok = False
            want = timex_value(timex)
            if found and want is not None:
                ok = found[0].unit == want[0] and close(found[0].value, want[1])
            tally.add(
                "DurationParser.json",
                "duration",
                bool(found),
                ok,
                f"{case['Input'][:70]!r} want {timex} got {found[0].value if found else None}",
                case["Input"],
            )


def timex_value(timex: str) -> tuple[str, float] | None:
    m = re.fullmatch(r"P(?:([\d.]+)([YMWD]))?(?:T([\d.]+)([HMS]))?", timex)
    if not m:
        return None
    if m.group(2) and not m.group(4):
        base, factor = TIMEX_UNIT[m.group(2)]
        return base, float(m.group(1)) * factor
    if m.group(4) and not m.group(2):
        return "second", float(m.group(3)) * TIMEX_TIME[m.group(4)]
    return None


def run_quantulum(root: Path, tally: Tally) -> None:
    for name in ("quantities.json",):
        for case in json.loads((root / QU / name).read_text(encoding="utf-8")):
            text = case["req"]
            qs = quantities(text)
            for res in case["res"]:
                start = text.find(res["surface"])
                if start < 0:
                    continue
                end = start + len(res["surface"])
                unit = res["unit"]
                value = float(res["value"])
                unc = res.get("uncertainty")
                if unit == "dimensionless":
                    family, kinds = "number", ("count", "number", "year", "fraction", "range")
                elif unit == "percentage":
                    family, kinds = "percent", ("percent", "range")
                elif unit in QU_CURRENCY:
                    family, kinds = "money", ("money", "range")
                elif unit in QU_MEASURE:
                    family, kinds = "measure", ("measure", "range")
                elif unit in QU_DURATION:
                    family, kinds = "duration", ("duration", "range")
                else:
                    continue  # units the engine does not read (temperatures, data sizes, rates)
                found = overlapping(qs, start, end, kinds)
                ok = False
                if found:
                    q = found[0]
                    factor, want_unit = 1.0, None
                    if family == "money":
                        want_unit = QU_CURRENCY[unit]
                        factor = 0.01 if unit in ("cent", "penny") else 1.0
                    elif family == "measure":
                        factor = MEASURE_UNITS[QU_MEASURE[unit]][1]
                    elif family == "duration":
                        factor, want_unit = QU_DURATION[unit], QU_DURATION_BASE[unit]
                    if unc is not None:
                        ok = range_ok(q, (value - unc) * factor, (value + unc) * factor)
                    else:
                        ok = q.kind != "range" and close(q.value, value * factor)
                    if want_unit is not None and q.unit != want_unit:
                        ok = False
                tally.add(
                    name,
                    family,
                    bool(found),
                    ok,
                    f"{text[:70]!r} want {value} {unit} got {found[0].value if found else None}",
                    text,
                )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peers", default=str(Path(__file__).resolve().parents[2] / "shared" / "peers"))
    ap.add_argument("--verbose", action="store_true", help="list the claimed cases whose value is wrong")
    args = ap.parse_args(argv)
    root = Path(args.peers)
    if not root.is_dir():
        print(f"peer data not found at {root}; pass --peers", file=sys.stderr)
        return 2
    tally = Tally()
    run_recognizers(root, tally)
    run_quantulum(root, tally)
    print(
        f"{'file':28s} {'kind':12s} {'cases':>6s} {'claimed':>8s} {'correct':>8s} {'accuracy':>9s}"
        f"   | news forms: {'cases':>5s} {'claimed':>7s} {'correct':>7s} {'accuracy':>8s}"
    )
    total = [0] * 6
    for (source, kind), row in sorted(tally.rows.items()):
        acc = f"{row[2] / row[1]:.1%}" if row[1] else "-"
        news = f"{row[5] / row[4]:.1%}" if row[4] else "-"
        print(
            f"{source:28s} {kind:12s} {row[0]:6d} {row[1]:8d} {row[2]:8d} {acc:>9s}"
            f"   | {'':11s} {row[3]:5d} {row[4]:7d} {row[5]:7d} {news:>8s}"
        )
        total = [t + r for t, r in zip(total, row, strict=True)]
    acc = total[2] / total[1] if total[1] else 0.0
    news = total[5] / total[4] if total[4] else 0.0
    print(
        f"{'overall':28s} {'':12s} {total[0]:6d} {total[1]:8d} {total[2]:8d} {acc:>9.1%}"
        f"   | {'':11s} {total[3]:5d} {total[4]:7d} {total[5]:7d} {news:>8.1%}"
    )
    print("set apart as forms news copy does not use (expected entities):")
    for reason, count in sorted(tally.set_apart.items(), key=lambda kv: -kv[1]):
        print(f"   {count:4d}  {reason}")
    if args.verbose:
        for miss in tally.misses:
            print("   wrong:", miss)
    return 0


if __name__ == "__main__":
    sys.exit(main())
