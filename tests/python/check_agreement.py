#!/usr/bin/env python3
"""Recompute `hashiya agree --json` independently and compare.

Usage: check_agreement.py [--hashiya BIN] [--annotators a,b] [--iou X] PROJECT.ron

The script asks `hashiya agree --dump-units` only for the raw material (each
document's length, its tokens and every annotator's spans), then recomputes from
the definitions in docs/agreement.md:

- the per-token and per-character labels (overlap rule and priority), and from them
  Cohen's kappa with scikit-learn's `cohen_kappa_score` and nominal Krippendorff's
  alpha over characters (`alpha_chars`) with the `krippendorff` package;
- exact and overlap F1 and unmatched counts, the overlap matching being a maximum
  bipartite matching from SciPy;
- Krippendorff's unitizing alpha (`alpha_u`), from the definition applied literally
  (every pair of sections of every ordered pair of raters, exact fractions) over the
  documents laid end to end, per pair, across all annotators and per document.

A pair is compared over the documents both worked on (the dump's `worked`), the figures
across all annotators over those every one worked on, and each document's figures over
the annotators who worked on it (the others are its `not_annotated_by`).

Every figure must agree within 1e-9; undefined figures (null) must be undefined
here too (NaN, or a domain with a single value). Exit status 0 when all agree.
Needs: pip install scikit-learn krippendorff (SciPy comes with scikit-learn).
"""

import argparse
import json
import math
import subprocess
import sys
import warnings
from collections import Counter
from fractions import Fraction

import krippendorff
import numpy as np
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import maximum_bipartite_matching
from sklearn.metrics import cohen_kappa_score

TOLERANCE = 1e-9
NONE = "\0none"


def run_hashiya(binary, args):
    out = subprocess.run([binary, "agree", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def priority_key(span, rank):
    start, end, label = span
    # Highest priority first: longer, then earlier start, then label order, then id.
    return (-(end - start), start, rank.get(label, len(rank)), label)


def char_codes(length, spans, rank):
    codes = [NONE] * length
    for start, end, label in sorted(spans, key=lambda s: priority_key(s, rank), reverse=True):
        for i in range(start, min(end, length)):
            codes[i] = label
    return codes


def token_codes(tokens, spans, rank):
    codes = []
    for t_start, t_end in tokens:
        covering = [s for s in spans if s[0] < t_end and t_start < s[1]]
        best = min(covering, key=lambda s: priority_key(s, rank), default=None)
        codes.append(NONE if best is None else best[2])
    return codes


def iou(a, b):
    inter = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    union = (a[1] - a[0]) + (b[1] - b[0]) - inter
    return inter / union if union else 0.0


def overlap_matches(a, b, threshold):
    if not a or not b:
        return 0
    rows, cols = [], []
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            if x[2] == y[2] and x[0] < y[1] and y[0] < x[1] and iou(x, y) >= threshold:
                rows.append(i)
                cols.append(j)
    if not rows:
        return 0
    graph = csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(len(a), len(b)))
    matching = maximum_bipartite_matching(graph, perm_type="column")
    return int(np.sum(matching >= 0))


def exact_matches(a, b):
    ca, cb = Counter(map(tuple, a)), Counter(map(tuple, b))
    return sum(min(n, cb[k]) for k, n in ca.items())


def kappa(a, b):
    if not a:
        return None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = cohen_kappa_score(a, b)
    return None if math.isnan(value) else float(value)


def alpha(coders):
    codes = sorted({c for coder in coders for c in coder})
    if not coders or not coders[0] or len(codes) < 2:
        return None
    index = {c: i for i, c in enumerate(codes)}
    data = np.array([[index[c] for c in coder] for coder in coders], dtype=float)
    value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal")
    return None if math.isnan(value) else float(value)


def sections(units, length):
    """One rater's units of one label as units and gaps covering [0, length): by start,
    the longer first; a unit overlapping one kept before it is left out."""
    kept = []
    for start, size in sorted(units, key=lambda u: (u[0], -u[1])):
        if size <= 0 or (kept and start < kept[-1][0] + kept[-1][1]):
            continue
        kept.append((start, size))
    out, pos = [], 0
    for start, size in kept:
        if start > pos:
            out.append((pos, start - pos, False))
        out.append((start, size, True))
        pos = start + size
    if length > pos:
        out.append((pos, length - pos, False))
    return out


def delta(a, b):
    """Krippendorff (2004, p. 253): squared distance between two sections."""
    (a_start, a_len, a_unit), (b_start, b_len, b_unit) = a, b
    begin, end = a_start - b_start, (a_start + a_len) - (b_start + b_len)
    if a_unit and b_unit and -a_len < begin < b_len:
        return begin**2 + end**2
    if a_unit and not b_unit and begin >= 0 and end <= 0:
        return a_len**2
    if b_unit and not a_unit and begin <= 0 and end >= 0:
        return b_len**2
    return 0


def unitizing(raters, length):
    """(D_o, D_e) for one label; `raters` holds each rater's (start, length) units."""
    m = len(raters)
    if m < 2 or length == 0:
        return Fraction(0), Fraction(0)
    secs = [sections(units, length) for units in raters]
    observed = sum(
        delta(g, h) for i in range(m) for j in range(m) if i != j for g in secs[i] for h in secs[j]
    )
    units = [s[1] for ss in secs for s in ss if s[2]]
    gaps = [s[1] for ss in secs for s in ss if not s[2]]
    n = len(units)
    numerator = sum(
        Fraction((n - 1) * (2 * l**3 - 3 * l**2 + l), 3) + l * l * sum(g - l + 1 for g in gaps if g >= l)
        for l in units
    )
    denominator = m * length * (m * length - 1) - sum(l * (l - 1) for l in units)
    return Fraction(observed, m * (m - 1) * length * length), Fraction(2) * numerator / (length * denominator)


def alpha_u(documents, names, labels):
    """alpha_u by label and "all" over `documents` laid end to end."""
    length = sum(d["length"] for d in documents)
    units = {}  # label -> rater -> [(start, len)]
    offset = 0
    for doc in documents:
        for r, name in enumerate(names):
            for start, end, label in doc["spans"].get(name, []):
                units.setdefault(label, [[] for _ in names])[r].append((offset + start, end - start))
        offset += doc["length"]
    out, total_o, total_e = {}, Fraction(0), Fraction(0)
    for label in sorted(set(labels) | set(units)):
        d_o, d_e = unitizing(units.get(label, [[] for _ in names]), length)
        total_o, total_e = total_o + d_o, total_e + d_e
        if label in labels:
            out[label] = None if d_e == 0 else float(1 - d_o / d_e)
    out["all"] = None if total_e == 0 else float(1 - total_o / total_e)
    return out


def f1(matches, na, nb):
    return None if na + nb == 0 else 2 * matches / (na + nb)


def codes_over(documents, names, labels, rank):
    """Per annotator, per label key (None = all): token and char codes of `documents`
    joined end to end."""
    tokens = {n: {k: [] for k in [None, *labels]} for n in names}
    chars = {n: {k: [] for k in [None, *labels]} for n in names}
    for doc in documents:
        for n in names:
            spans = doc["spans"].get(n, [])
            tokens[n][None] += token_codes(doc["tokens"], spans, rank)
            chars[n][None] += char_codes(doc["length"], spans, rank)
            for label in labels:
                own = [s for s in spans if s[2] == label]
                tokens[n][label] += [c != NONE for c in token_codes(doc["tokens"], own, rank)]
                chars[n][label] += [c != NONE for c in char_codes(doc["length"], own, rank)]
    return tokens, chars


def worked_by_all(documents, names):
    """The documents every one of `names` worked on (marked done, or made a span on)."""
    return [d for d in documents if all(n in d["worked"] for n in names)]


def recompute(dump, threshold):
    labels = dump["labels"]
    rank = {label: i for i, label in enumerate(labels)}
    names = dump["annotators"]
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            # A pair is compared over the documents both worked on.
            documents = worked_by_all(dump["documents"], [a, b])
            tokens, chars = codes_over(documents, [a, b], labels, rank)
            pair_u = alpha_u(documents, [a, b], labels)
            for label in [None, *labels]:
                na = nb = exact = overlap = 0
                for doc in documents:
                    sa = [s for s in doc["spans"].get(a, []) if label is None or s[2] == label]
                    sb = [s for s in doc["spans"].get(b, []) if label is None or s[2] == label]
                    na, nb = na + len(sa), nb + len(sb)
                    exact += exact_matches(sa, sb)
                    overlap += overlap_matches(sa, sb, threshold)
                rows.append(
                    {
                        "a": a,
                        "b": b,
                        "label": "all" if label is None else label,
                        "exact_f1": f1(exact, na, nb),
                        "overlap_f1": f1(overlap, na, nb),
                        "unmatched_a": na - overlap,
                        "unmatched_b": nb - overlap,
                        "cohen_kappa": kappa(tokens[a][label], tokens[b][label]),
                        "alpha_u": pair_u["all" if label is None else label],
                        "alpha_chars": alpha([chars[a][label], chars[b][label]]),
                        "documents": len(documents),
                    }
                )
    everyone = worked_by_all(dump["documents"], names)
    _, chars = codes_over(everyone, names, labels, rank)
    alpha_chars = {"all" if k is None else k: alpha([chars[n][k] for n in names]) for k in [None, *labels]}
    per_document = {}
    for doc in dump["documents"]:
        # Over the annotators who worked on it; the others are "not annotated by".
        workers = [n for n in names if n in doc["worked"]]
        spans = [doc["spans"].get(n, []) for n in workers]
        total = exact = overlap = 0
        for i in range(len(workers)):
            for j in range(i + 1, len(workers)):
                total += len(spans[i]) + len(spans[j])
                exact += exact_matches(spans[i], spans[j])
                overlap += overlap_matches(spans[i], spans[j], threshold)
        per_document[doc["id"]] = {
            "exact_f1": None if total == 0 else 2 * exact / total,
            "overlap_f1": None if total == 0 else 2 * overlap / total,
            "alpha_u": alpha_u([doc], workers, labels)["all"] if len(workers) >= 2 else None,
            "not_annotated_by": [n for n in names if n not in workers],
        }
    return rows, alpha_u(everyone, names, labels), alpha_chars, per_document


def same(x, y):
    if x is None or y is None:
        return x is None and y is None
    return abs(x - y) <= TOLERANCE


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("project")
    parser.add_argument("--hashiya", default="hashiya")
    parser.add_argument("--annotators")
    parser.add_argument("--iou", type=float, default=0.5)
    args = parser.parse_args()
    extra = ["--iou", repr(args.iou)]
    if args.annotators:
        extra += ["--annotators", args.annotators]
    report = run_hashiya(args.hashiya, [args.project, "--json", *extra])
    dump = run_hashiya(args.hashiya, [args.project, "--dump-units", *extra])
    if report["annotators"] != dump["annotators"]:
        sys.exit(f"annotators differ: {report['annotators']} vs {dump['annotators']}")
    rows, units_alpha, chars_alpha, per_document = recompute(dump, args.iou)
    problems = []
    reported = {(r["a"], r["b"], r["label"]): r for r in report["pairs"]}
    if len(reported) != len(rows):
        problems.append(f"{len(reported)} rows reported, {len(rows)} expected")
    checked = 0
    for row in rows:
        key = (row["a"], row["b"], row["label"])
        got = reported.get(key)
        if got is None:
            problems.append(f"missing row {key}")
            continue
        for field, expected in row.items():
            if field in ("a", "b", "label"):
                continue
            if field == "documents":
                checked += 1
                if got.get(field) != expected:
                    problems.append(f"{key} {field}: reported {got.get(field)}, recomputed {expected}")
                continue
            checked += 1
            if not same(got.get(field), expected):
                problems.append(f"{key} {field}: reported {got.get(field)}, recomputed {expected}")
    for key, recomputed in [("alpha_u", units_alpha), ("alpha_chars", chars_alpha)]:
        for label, expected in recomputed.items():
            checked += 1
            if not same(report[key].get(label), expected):
                problems.append(f"{key}[{label}]: reported {report[key].get(label)}, recomputed {expected}")
    reported_docs = report["per_document"]
    if sorted(d["id"] for d in reported_docs) != sorted(per_document):
        problems.append("per_document does not list every document once")
    for doc in reported_docs:
        for field, expected in per_document.get(doc["id"], {}).items():
            checked += 1
            if field == "not_annotated_by":
                if doc.get(field) != expected:
                    problems.append(f"per_document {doc['id']} {field}: reported {doc.get(field)}, recomputed {expected}")
                continue
            if not same(doc.get(field), expected):
                problems.append(f"per_document {doc['id']} {field}: reported {doc.get(field)}, recomputed {expected}")
    ranked = [not d["not_annotated_by"] for d in reported_docs]
    if ranked != sorted(ranked, reverse=True):
        problems.append("per_document lists a document someone never annotated before a ranked one")
    order = [(d["alpha_u"] is None, d["alpha_u"] or 0.0) for d in reported_docs if not d["not_annotated_by"]]
    if order != sorted(order):
        problems.append("per_document is not ordered from the lowest alpha_u (undefined last)")
    for problem in problems:
        print("MISMATCH", problem)
    tokens = sum(len(d["tokens"]) for d in dump["documents"])
    chars = sum(d["length"] for d in dump["documents"])
    print(
        f"{args.project}: {len(dump['documents'])} documents, {tokens} tokens, {chars} characters, "
        f"annotators {', '.join(report['annotators'])}: {checked} figures checked, {len(problems)} mismatches"
    )
    for label, value in sorted(units_alpha.items()):
        print(f"  alpha_u[{label}] = {value}  alpha_chars[{label}] = {chars_alpha[label]}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
