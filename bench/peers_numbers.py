"""Value accuracy of the numbers extractor on other projects' number test cases.

Reads ``../shared/peers`` at run time (never copied here): Recognizers-Text English specs
(numbers, percentages, ordinals, number ranges, currency, ages, durations) and quantulum3's
English test sentences. For every expected entity, the extractor *claims* it when it returns a
quantity of the matching kind whose span overlaps the expected span; a claim is *value-correct*
when the normalised value agrees (relative tolerance 1e-6; ranges by both ends; money also by
currency when the case names one). Accuracy is value-correct / claimed, over every case, and per
kind. A few kinds are left out of scoring altogether, by what they are, never by how a case is
written: relative ordinals ("last", "next to last"), quantities in units the engine does not
read (temperatures, data sizes, rates), and currency names without an amount. Forms the
extractor does not trust (a slash fraction, a decimal comma, a power) it does not claim, and
so they count as cases but not as claims.

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


# Kinds left out of scoring, with why; the script counts the cases of each.
EXCLUDED_KINDS = {
    "relative ordinal": "'last', 'next', 'the one before last' are positions, not quantities",
    "unit not read": "temperatures, data sizes, rates and other units the engine does not extract",
    "no amount": "a currency named without an amount has no value to compare",
}


class Tally:
    def __init__(self) -> None:
        # (file, kind) -> [cases, claimed, correct]
        self.rows: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0] * 3)
        self.misses: list[str] = []
        self.excluded: dict[str, int] = defaultdict(int)

    def add(self, source: str, kind: str, claimed: bool, correct: bool, note: str) -> None:
        row = self.rows[(source, kind)]
        row[0] += 1
        row[1] += claimed
        row[2] += correct
        if claimed and not correct:
            self.misses.append(f"{source} [{kind}] {note}")

    def exclude(self, kind: str) -> None:
        self.excluded[kind] += 1


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
                if (
                    type_name == "ordinal.relative"
                    or res.get("Resolution", {}).get("relativeTo", "start") != "start"
                ):
                    tally.exclude("relative ordinal")
                    continue
                start, end = res["Start"], res["End"] + 1
                found = overlapping(qs, start, end, kinds_for[family])
                value = res.get("Resolution", {}).get("value") or ""
                if not value:
                    tally.exclude("no amount")
                    continue
                kind = family
                if family == "number":
                    kind = f"number/{res.get('Resolution', {}).get('subtype') or 'integer'}"
                ok = False
                if found and value:
                    q = found[0]
                    if family == "percentage":
                        ok = number_ok(q, float(value.rstrip("%")))
                    elif family == "ordinal":
                        ok = number_ok(q, float(value))
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
                    kind,
                    bool(found),
                    ok,
                    f"{case['Input'][:70]!r} want {value} got {found[0].value if found else None}",
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
            )


def timex_value(timex: str) -> tuple[str, float] | None:
    """A TIMEX duration ("P1W3D", "PT2H") in the engine's base unit, or None when its parts do
    not add up in one base (a year and some days)."""
    m = re.fullmatch(r"P((?:[\d.]+[YMWD])*)(?:T((?:[\d.]+[HMS])+))?", timex)
    if not m:
        return None
    parts = [(float(v), TIMEX_UNIT[u]) for v, u in re.findall(r"([\d.]+)([YMWD])", m.group(1))]
    parts += [
        (float(v), ("second", TIMEX_TIME[u])) for v, u in re.findall(r"([\d.]+)([HMS])", m.group(2) or "")
    ]
    bases = {base for _, (base, _) in parts}
    if len(bases) != 1:
        return None
    return bases.pop(), sum(v * factor for v, (_, factor) in parts)


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
                    tally.exclude("unit not read")
                    continue
                # A range claims the case only when its ends are of the case's kind.
                found = [
                    q for q in overlapping(qs, start, end, kinds) if q.kind != "range" or q.range_of in kinds
                ]
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
                    if family == "duration":
                        # A duration told in several units is one quantity to the engine ("21
                        # years and six months" = 21.5 years): compare with the sum of its parts.
                        value = duration_sum(text, case["res"], q, value * factor) / factor
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
                )


def duration_sum(text: str, results, q: Quantity, own: float) -> float:
    """The expected value of ``q`` when it spans several expected durations: their sum in
    ``q``'s base, or ``own`` when it spans one."""
    parts = []
    for res in results:
        start = text.find(res["surface"])
        if (
            start < 0
            or res["unit"] not in QU_DURATION
            or not (start < q.end and q.start < start + len(res["surface"]))
        ):
            continue
        if QU_DURATION_BASE[res["unit"]] != q.unit:
            return own
        parts.append(float(res["value"]) * QU_DURATION[res["unit"]])
    return sum(parts) if len(parts) > 1 else own


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
    header = f"{'cases':>6s} {'claimed':>8s} {'correct':>8s} {'accuracy':>9s}"
    print(f"{'file':28s} {'kind':16s} {header}")
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0] * 3)
    for (source, kind), row in sorted(tally.rows.items()):
        print(f"{source:28s} {kind:16s} {_row(row)}")
        total = by_kind[kind.split("/")[0] if kind.startswith("number/") else kind]
        for i in range(3):
            total[i] += row[i]
        if kind.startswith("number/"):
            sub = by_kind[kind]
            for i in range(3):
                sub[i] += row[i]
    print()
    print(f"{'per kind':45s} {header}")
    for kind, row in sorted(by_kind.items()):
        print(f"{'  ' + kind:45s} {_row(row)}")
    overall = [sum(row[i] for row in tally.rows.values()) for i in range(3)]
    print(f"{'overall':45s} {_row(overall)}")
    print()
    print("kinds not scored (cases):")
    for kind, why in EXCLUDED_KINDS.items():
        print(f"   {tally.excluded.get(kind, 0):4d}  {kind}: {why}")
    if args.verbose:
        for miss in tally.misses:
            print("   wrong:", miss)
    return 0


def _row(row: list[int]) -> str:
    acc = f"{row[2] / row[1]:.1%}" if row[1] else "-"
    return f"{row[0]:6d} {row[1]:8d} {row[2]:8d} {acc:>9s}"


if __name__ == "__main__":
    sys.exit(main())
