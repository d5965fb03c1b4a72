#!/usr/bin/env python3
"""Recompute `hashiya agree --json` independently and compare.

Usage: check_agreement.py [--hashiya BIN] [--annotators a,b] [--iou X] PROJECT.ron

The script asks `hashiya agree --dump-units` only for the raw material (each
document's length, its tokens and every annotator's spans), then recomputes from
the definitions in docs/agreement.md:

- the per-token and per-character labels (overlap rule and priority), and from them
  Cohen's kappa with scikit-learn's `cohen_kappa_score` and nominal Krippendorff's
  alpha with the `krippendorff` package;
- exact and overlap F1 and unmatched counts, the overlap matching being a maximum
  bipartite matching from SciPy.

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


def f1(matches, na, nb):
    return None if na + nb == 0 else 2 * matches / (na + nb)


def recompute(dump, threshold):
    labels = dump["labels"]
    rank = {label: i for i, label in enumerate(labels)}
    names = dump["annotators"]
    # Per annotator, per label key (None = all): concatenated token and char codes.
    tokens = {n: {k: [] for k in [None, *labels]} for n in names}
    chars = {n: {k: [] for k in [None, *labels]} for n in names}
    for doc in dump["documents"]:
        for n in names:
            spans = doc["spans"].get(n, [])
            tokens[n][None] += token_codes(doc["tokens"], spans, rank)
            chars[n][None] += char_codes(doc["length"], spans, rank)
            for label in labels:
                own = [s for s in spans if s[2] == label]
                tokens[n][label] += [c != NONE for c in token_codes(doc["tokens"], own, rank)]
                chars[n][label] += [c != NONE for c in char_codes(doc["length"], own, rank)]
    rows = []
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            for label in [None, *labels]:
                na = nb = exact = overlap = 0
                for doc in dump["documents"]:
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
                        "alpha_u": alpha([chars[a][label], chars[b][label]]),
                    }
                )
    alpha_u = {"all" if k is None else k: alpha([chars[n][k] for n in names]) for k in [None, *labels]}
    return rows, alpha_u


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
    rows, alpha_u = recompute(dump, args.iou)
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
            checked += 1
            if not same(got.get(field), expected):
                problems.append(f"{key} {field}: reported {got.get(field)}, recomputed {expected}")
    for label, expected in alpha_u.items():
        checked += 1
        if not same(report["alpha_u"].get(label), expected):
            problems.append(f"alpha_u[{label}]: reported {report['alpha_u'].get(label)}, recomputed {expected}")
    for problem in problems:
        print("MISMATCH", problem)
    tokens = sum(len(d["tokens"]) for d in dump["documents"])
    chars = sum(d["length"] for d in dump["documents"])
    print(
        f"{args.project}: {len(dump['documents'])} documents, {tokens} tokens, {chars} characters, "
        f"annotators {', '.join(report['annotators'])}: {checked} figures checked, {len(problems)} mismatches"
    )
    for label, value in sorted(alpha_u.items()):
        print(f"  alpha_u[{label}] = {value}")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
