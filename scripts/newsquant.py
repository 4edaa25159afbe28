#!/usr/bin/env python3
"""Score `crosscheck extract` on NewsQuant, the news test set of CQE.

NewsQuant (590 sentences, 904 gold quantities in the copy this was written
against) comes from the CQE project (Almasian, Kazakova, Goeldner, Gertz:
"CQE: A Comprehensive Quantity Extractor", EMNLP 2023): the file
`data/formatted_test_set/NewsQuant.json` of github.com/satya77/CQE_Evaluation
(an earlier, smaller version sits in github.com/vivkaz/CQE). Neither
repository states a licence, so the data is NOT kept in this repository: pass
the path of your own copy.

    python3 scripts/newsquant.py /path/to/NewsQuant.json \
        --bin target/release/crosscheck [--failures 40] [--json out.json]

Every sentence is run through `crosscheck extract --format jsonl -` on its own
(one process at a time, nothing in parallel). Standard library only.

The gold format
---------------
A list of {"text", "quantities": [{"change", "value", "unit",
"normalized_unit", "referred_concepts"}]}. `value` is a string in base units
("800000000.0" for "$800 million"); a range is "low-high" ("252.0-287.0").
`change` is one of = ~ > < up down. `normalized_unit` is a CQE unit name
("dollar", "euro", "percentage", "mile", "people", "-" for none, ...).
NewsQuant annotates counts of things ("one solution", "two sides", "one of
the best speakers" -> 1), physical measures, money and percentages. It does
NOT annotate years, dates, times of day, ordinals ("22nd amendment", "10th
place") or numbers inside names ("S&P 500", "Game 7", "iPhone 11"), so
crosscheck's kinds year, year_range, date, time, ordinal, rank and unparsed
are dropped before scoring. Kind `other` (a number inside a name or code, but
also, in this build, a number with a unit crosscheck does not know: "87 mph",
"64GB", "three months") is dropped by default; `--keep-other` scores it too.

How the scores are computed
---------------------------
1. "CQE scorer" block: a line-for-line port of `calculate_metrics` in
   CQE_Evaluation/evaluate_models.py, the scorer behind the published table:
   - values are compared with numpy.isclose(rtol=1e-5, atol=1e-8); a gold
     range is a pair and only matches a predicted pair (both ends), a single
     value only a single value;
   - "value": for each gold quantity every prediction of the sentence with a
     close value counts, but at most as many hits per sentence as the
     sentence has gold quantities (CQE's `total_gt_values` cap; it is not a
     one-to-one matching: one prediction can be counted for two gold items);
   - "value+unit": also the normalised unit must be equal (lower-cased
     string equality); a prediction that matches is removed; gold and
     predictions are first sorted by unit name, as CQE does;
   - "value+change": every (gold, prediction) pair with a close value and
     the same change symbol counts (no cap, as in CQE);
   - P = hits / predictions, R = hits / gold quantities.
   crosscheck's units are mapped onto CQE's names for this: USD and the bare
   `dollar` family -> "dollar" (NewsQuant writes "dollar" for every "$",
   Australian or Canadian alike), EUR -> "euro", GBP -> "pound sterling",
   JPY -> "japanese yen", CNY -> "chinese yuan", ILS -> "shekel",
   MYR -> "malaysian ringgit", AUD -> "australian dollar", etc.;
   percent -> "percentage"; count, other, fraction and times -> "-" (CQE's
   own unit for a bare number). Gold units that are nouns ("people",
   "worker", "mile") can therefore never be matched by crosscheck, which
   does not report the noun counted or physical units: read "value+unit"
   as a lower bound for crosscheck. crosscheck's change symbol: a `change`
   going up/down -> up/down; otherwise the qualifier: exact/between -> "=",
   about/nearly -> "~", more_than/at_least -> ">", less_than/at_most -> "<".
2. "One-to-one" block (ours, used for the per-type figures and the failure
   list): within a sentence each gold quantity is matched to at most one
   prediction and vice versa (greedy, gold in file order, the first unused
   prediction with a close value; predictions of the same type as the gold
   are tried first). Differences from CQE: no double counting; a range also
   matches a prediction of the same range written the other way round
   ("from 208 to 193"); a money figure in cents, pence or sen ("19 cents",
   crosscheck 0.19; "18 sen", the hundredth of the ringgit) also matches
   the gold value in cents (19), since NewsQuant keeps the cent as the unit.
   Types: gold "money" when its normalised unit is a currency (dollar, euro,
   cent, yen, "dollar per barrel", ...); "percent" for "percentage" (and
   "percentage per year"); "measure" for physical and time units (mile,
   hour, year of age, gigabyte, horsepower, ...); "count" for everything
   else (nouns, "-", fractions). Predictions: money when the unit is a
   currency code or family (`dollar`, `yen_yuan`, `pound`, `krona`, ...:
   any unit not in NOT_MONEY_UNITS), percent for percent /
   percentage_point, count otherwise (crosscheck does not give physical
   units; a number with one is kind `other`). Note that a count-typed
   prediction whose value matches a gold measure ("600 horsepower" read as
   a count of 600) counts as a hit for the count row's precision: the
   "strict count" line after the table counts only count predictions
   matched to count gold. Per-type precision uses the prediction's type, recall
   the gold's type, so a "$5" read as a count costs money recall and count
   precision.
   "unit agrees" (one-to-one): money with the same currency (a bare
   `dollar` counts as agreeing with any gold dollar), percent with percent,
   anything else with anything else that is neither money nor percent.
"""

import argparse
import json
import re
import subprocess
import sys
from collections import Counter, defaultdict

DROP_KINDS = {"year", "year_range", "date", "time", "ordinal", "rank", "unparsed"}

CURRENCY_NAMES = {
    "USD": "dollar", "dollar": "dollar", "EUR": "euro", "GBP": "pound sterling",
    "JPY": "japanese yen", "CNY": "chinese yuan", "ILS": "shekel",
    "MYR": "malaysian ringgit", "AUD": "australian dollar",
    "HKD": "hong kong dollar", "CAD": "canadian dollar",
    "NZD": "new zealand dollar", "INR": "indian rupee", "DKK": "danish krone",
    "SGD": "singaporean dollar", "ZAR": "south african rand",
    "HRK": "croatian kuna", "CHF": "swiss franc", "SEK": "swedish krona",
    "NOK": "norwegian krone", "KRW": "south korean won", "RUB": "russian ruble",
    "BRL": "brazilian real", "MXN": "mexican peso", "DKK": "danish krone",
    "CZK": "czech koruna",
}
GOLD_CURRENCY_WORDS = {
    "dollar", "euro", "sterling", "yen", "yuan", "shekel", "ringgit",
    "rupee", "krone", "rand", "kuna", "franc", "cent", "sen", "bitcoin",
}
MEASURE_WORDS = {
    "mile", "yard", "metre", "kilometre", "foot", "inch", "centimetre",
    "millimetre", "micrometre", "nanometre", "hour", "minute", "second", "day",
    "week", "month", "year", "age", "horsepower", "gigabyte", "kilowatt",
    "gigawatt", "megawatt", "watt", "hertz", "gigahertz", "kilohertz", "gram",
    "kilogram", "milligram", "ton", "gigaton", "pound-mass", "litre",
    "millilitre", "celsius", "fahrenheit", "degree", "decibel", "calorie",
    "volt", "farad", "knot", "bit", "roentgen", "dram", "ounce", "pint",
    "quart", "gallon", "barrel", "megabit", "pound-foot", "newton",
    "pound-force", "gigapascal", "megapascal", "kilopound", "ampere",
    "milliampere-hour", "kilovolt", "square", "cubic", "parts-per-billion",
    "part", "revolutions", "exavolt", "generation", "mpg", "per",
}


def gold_type(unit):
    u = unit.lower().strip()
    if u.startswith("percentage"):
        return "percent"
    toks = set(re.split(r"[\s/]+", u))
    if toks & GOLD_CURRENCY_WORDS and not u.startswith("%"):
        return "money"
    if toks & (MEASURE_WORDS - {"per"}):
        return "measure"
    return "count"


# crosscheck's units that are no currency: every other unit of a prediction
# is money (an ISO code, or a family such as `dollar`, `yen_yuan`, `pound`,
# `franc`, `krona`, or `currency` for "bucks" and "cents").
NOT_MONEY_UNITS = {
    "count", "percent", "percentage_point", "rank", "times", "fraction", "year",
    "date", "time", "ordinal", "other", "unparsed", "",
}


def pred_type(q):
    unit = q.get("unit") or ""
    if unit in ("percent", "percentage_point"):
        return "percent"
    if unit not in NOT_MONEY_UNITS:
        return "money"
    return "count"


def cqe_unit(q):
    unit = q.get("unit") or ""
    if unit in ("percent", "percentage_point"):
        return "percentage"
    if unit in CURRENCY_NAMES:
        return CURRENCY_NAMES[unit]
    if unit == "currency":
        return "cent"
    if re.fullmatch(r"[A-Z]{3}", unit):
        return unit.lower()
    return "-"


def cqe_change(q):
    if q.get("kind") == "change" and q.get("direction") in ("up", "down"):
        return q["direction"]
    return {
        "about": "~", "nearly": "~", "more_than": ">", "at_least": ">",
        "less_than": "<", "at_most": "<",
    }.get(q.get("qualifier_kind") or "exact", "=")


def isclose(a, b):
    return abs(a - b) <= 1e-8 + 1e-5 * abs(b)


def decode_gold_value(s):
    # CQE_Evaluation decode_dictionary, for gold strings.
    if "E" not in s and not s.startswith("-") and "-" in s:
        a, b = s.split("-")[0], s.split("-")[1]
        return (float(a), float(b))
    return float(s)


def pred_value(q):
    if q.get("value") is not None:
        return float(q["value"])
    if q.get("min") is not None and q.get("max") is not None:
        return (float(q["min"]), float(q["max"]))
    if q.get("min") is not None:
        return float(q["min"])
    if q.get("max") is not None:
        return float(q["max"])
    return None


def values_match(g, m):
    if isinstance(g, tuple) and isinstance(m, tuple):
        return isclose(m[0], g[0]) and isclose(m[1], g[1])
    if isinstance(g, tuple) or isinstance(m, tuple):
        return False
    return isclose(m, g)


def loose_match(g, q):
    """One-to-one matching: CQE's rule plus reversed ranges and cents."""
    m = q["_value"]
    if m is None:
        return False
    if values_match(g, m):
        return True
    if isinstance(g, tuple) and isinstance(m, tuple):
        return values_match((g[1], g[0]), m)
    if not isinstance(m, tuple) and not isinstance(g, tuple):
        if re.search(r"(cents?|p|pence|sen)\s*$", q.get("text", ""), re.I) and pred_type(q) == "money":
            return isclose(m * 100, g)
    return False


def run_extract(binary, text):
    p = subprocess.run(
        [binary, "extract", "--format", "jsonl", "-"],
        input=text.encode("utf-8"), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    if p.returncode != 0:
        sys.stderr.write("extract failed on: %s\n%s\n" % (text, p.stderr.decode(errors="replace")))
        return []
    return [json.loads(l) for l in p.stdout.decode("utf-8").splitlines() if l.strip()]


def prf(tp_p, n_pred, tp_r, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def cqe_metrics(rows):
    """Port of calculate_metrics (CQE_Evaluation/evaluate_models.py)."""
    total_tags = total_gt = correct_value = correct_unit = correct_change = 0
    for gold, preds in rows:
        total_gt += len(gold)
        total_tags += len(preds)
        tags = sorted(preds, key=lambda d: d["normalized_unit"])
        gts = sorted(gold, key=lambda d: d["normalized_unit"])
        left = len(gold)
        for g in gts:
            gv = decode_gold_value(g["value"])
            gu = g["normalized_unit"].lower()
            for t in list(tags):
                if t["value"] is None or not values_match(gv, t["value"]):
                    continue
                if left > 0:
                    correct_value += 1
                    left -= 1
                if t["change"] == g["change"]:
                    correct_change += 1
                if t["normalized_unit"] == gu:
                    correct_unit += 1
                    tags.remove(t)
                    tags = sorted(tags, key=lambda d: d["normalized_unit"])
                    break
    out = {}
    for name, c in (("value", correct_value), ("value+unit", correct_unit), ("value+change", correct_change)):
        out[name] = prf(c, total_tags, c, total_gt)
    return out, total_gt, total_tags


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", help="path to NewsQuant.json")
    ap.add_argument("--bin", default="target/release/crosscheck", help="crosscheck binary")
    ap.add_argument("--failures", type=int, default=0, help="list up to N misses and N false hits")
    ap.add_argument("--keep-other", action="store_true", help="also score kind `other`")
    ap.add_argument("--json", help="write per-sentence results to this file")
    args = ap.parse_args()

    with open(args.data, encoding="utf-8") as f:
        data = json.load(f)

    drop = set(DROP_KINDS)
    if not args.keep_other:
        drop.add("other")

    dropped = Counter()
    cqe_rows = []
    per = []
    for i, item in enumerate(data):
        text = item["text"]
        raw = run_extract(args.bin, text)
        preds = []
        for q in raw:
            if q["kind"] in drop:
                dropped[q["kind"]] += 1
                continue
            q["_value"] = pred_value(q)
            preds.append(q)
        cqe_rows.append((
            item["quantities"],
            [{"value": q["_value"], "normalized_unit": cqe_unit(q), "change": cqe_change(q)} for q in preds],
        ))
        per.append((i, text, item["quantities"], preds, raw))
        if (i + 1) % 100 == 0:
            sys.stderr.write("%d/%d sentences\n" % (i + 1, len(data)))

    cqe, n_gold, n_pred = cqe_metrics(cqe_rows)

    # One-to-one matching.
    tp_gold = Counter()   # by gold type
    tp_pred = Counter()   # by prediction type
    tp_unit = 0
    n_gold_t = Counter()
    n_pred_t = Counter()
    pairs = Counter()     # (gold type, prediction type) of each match
    misses, false_hits, unit_wrong = [], [], []
    results = []
    for i, text, gold, preds, raw in per:
        used = set()
        matched = []
        for g in gold:
            gt = gold_type(g["normalized_unit"])
            n_gold_t[gt] += 1
            gv = decode_gold_value(g["value"])
            order = sorted(range(len(preds)), key=lambda j: pred_type(preds[j]) != gt)
            hit = None
            for j in order:
                if j not in used and loose_match(gv, preds[j]):
                    hit = j
                    break
            if hit is None:
                misses.append((gt, text, g, raw))
                matched.append((g, None))
                continue
            used.add(hit)
            q = preds[hit]
            tp_gold[gt] += 1
            tp_pred[pred_type(q)] += 1
            pt = pred_type(q)
            pairs[(gt, pt)] += 1
            if gt == "money":
                agree = pt == "money" and (q["unit"] == "dollar" or cqe_unit(q) == g["normalized_unit"].lower()
                                           or (q["unit"] == "currency" and "cent" in g["normalized_unit"]))
            elif gt == "percent":
                agree = pt == "percent"
            else:
                agree = pt == "count"
            if agree:
                tp_unit += 1
            else:
                unit_wrong.append((gt, text, g, q))
            matched.append((g, q["text"]))
        for j, q in enumerate(preds):
            n_pred_t[pred_type(q)] += 1
            if j not in used:
                false_hits.append((pred_type(q), text, q))
        results.append({"text": text, "gold": gold,
                        "pred": [{k: v for k, v in q.items() if not k.startswith("_")} for q in preds],
                        "matched": [[g["value"], t] for g, t in matched]})

    def pct(x):
        return "%5.1f" % (100 * x)

    print("NewsQuant: %d sentences, %d gold quantities; crosscheck %s" % (len(data), n_gold, args.bin))
    print("Predictions scored: %d (dropped as non-quantities: %s)" % (
        n_pred, ", ".join("%s %d" % kv for kv in sorted(dropped.items())) or "none"))
    print()
    print("CQE scorer (port of CQE_Evaluation calculate_metrics)")
    print("  %-14s %6s %6s %6s" % ("", "P", "R", "F1"))
    for name in ("value", "value+unit", "value+change"):
        p, r, f = cqe[name]
        print("  %-14s %6s %6s %6s" % (name, pct(p), pct(r), pct(f)))
    print()
    print("One-to-one matching (value; types as in the header)")
    print("  %-10s %6s %6s %6s %6s %6s %6s %6s" % ("type", "gold", "pred", "TP(g)", "TP(p)", "P", "R", "F1"))
    for t in ("money", "percent", "count", "measure"):
        p, r, f = prf(tp_pred[t], n_pred_t[t], tp_gold[t], n_gold_t[t])
        print("  %-10s %6d %6d %6d %6d %6s %6s %6s" % (
            t, n_gold_t[t], n_pred_t[t], tp_gold[t], tp_pred[t], pct(p), pct(r), pct(f)))
    # the three types crosscheck reports as facts, together (micro average)
    three = ("money", "percent", "count")
    g3, p3 = sum(n_gold_t[t] for t in three), sum(n_pred_t[t] for t in three)
    tg3, tp3 = sum(tp_gold[t] for t in three), sum(tp_pred[t] for t in three)
    p, r, f = prf(tp3, p3, tg3, g3)
    print("  %-10s %6d %6d %6d %6d %6s %6s %6s" % ("m+p+c", g3, p3, tg3, tp3, pct(p), pct(r), pct(f)))
    tp = sum(tp_gold.values())
    p, r, f = prf(tp, n_pred, tp, n_gold)
    print("  %-10s %6d %6d %6d %6d %6s %6s %6s" % ("all", n_gold, n_pred, tp, tp, pct(p), pct(r), pct(f)))
    p, r, f = prf(tp_unit, n_pred, tp_unit, n_gold)
    print("  %-10s %6s %6s %6d %6s %6s %6s %6s" % ("+unit cls", "", "", tp_unit, "", pct(p), pct(r), pct(f)))
    strict = pairs[("count", "count")]
    print("  count predictions matched to gold of each type: %s" % ", ".join(
        "%s %d" % (t, pairs[(t, "count")]) for t in ("count", "measure", "money", "percent")))
    p, r, f = prf(strict, n_pred_t["count"], strict, n_gold_t["count"])
    print("  %-10s %6d %6d %6d %6d %6s %6s %6s" % (
        "strict cnt", n_gold_t["count"], n_pred_t["count"], strict, strict, pct(p), pct(r), pct(f)))

    if args.failures:
        n = args.failures
        print()
        print("Misses (gold not found), %d of %d:" % (min(n, len(misses)), len(misses)))
        for gt, text, g, raw in misses[:n]:
            got = "; ".join("%s %s %s %r" % (q["kind"], q.get("value") or (q.get("min"), q.get("max")), q.get("unit"), q["text"]) for q in raw)
            print("  [%s] %s %s (%s)\n      in: %s\n      crosscheck: %s" % (
                gt, g["value"], g["unit"], g["normalized_unit"], text, got or "-"))
        print()
        print("False hits (prediction not in gold), %d of %d:" % (min(n, len(false_hits)), len(false_hits)))
        for pt, text, q in false_hits[:n]:
            print("  [%s] %s %s %s %r\n      in: %s" % (
                pt, q["kind"], q.get("value") or (q.get("min"), q.get("max")), q.get("unit"), q["text"], text))
        print()
        print("Value right, unit class wrong, %d of %d:" % (min(n, len(unit_wrong)), len(unit_wrong)))
        for gt, text, g, q in unit_wrong[:n]:
            print("  [%s] gold %s %s; crosscheck %s %s %r\n      in: %s" % (
                gt, g["value"], g["normalized_unit"], q["kind"], q.get("unit"), q["text"], text))

    if args.json:
        with open(args.json, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
