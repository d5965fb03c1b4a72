#!/usr/bin/env python3
"""Checks hashiya's exports the way a Python user reads them.

Usage: check_exports.py PROJECT.ron HASHIYA_BINARY [EXTRA EXPORT OPTIONS...]

Runs `hashiya export` for every format into a temporary folder, then checks that
every offset is a code-point offset into the text (Python `str` indices):
jsonl spans give their "text", doccano/prodigy spans equal the jsonl spans, every
brat T line gives its text from the .txt file, csv rows give their text and
context, conll tokens appear in order in the documents and the BIO tags are
well formed. Links: every relation's head and tail name spans of its record, and
the links (head span, tail span, type) are the same in jsonl, doccano, Prodigy,
brat (R lines) and the csv relations file; attribute values are the same in
jsonl, csv and brat (A lines). Prints counts; exits non-zero on any mismatch.
Plain python3 only.
"""

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

JSONL_KEYS = ["id", "title", "text", "spans", "relations", "meta"]
SPAN_KEYS = ["id", "start", "end", "label", "text", "annotator", "attributes"]
RELATION_KEYS = ["id", "head", "tail", "type", "annotator"]


def value_text(value):
    """An attribute value as brat writes it: whole numbers without a fraction."""
    if isinstance(value, bool):
        return None if value else False
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
CONTEXT = 40
# A \u escape other than for a control character or a line separator (U+0085,
# U+2028, U+2029, escaped so that str.splitlines keeps each record on one line):
# text was not written as UTF-8.
ESCAPED_NON_ASCII = re.compile(r"(?<!\\)\\u(?!00[01]|0085|2028|2029)")


class Checker:
    def __init__(self):
        self.failures = 0
        self.counts = {}

    def count(self, what, n=1):
        self.counts[what] = self.counts.get(what, 0) + n

    def fail(self, where, message):
        self.failures += 1
        if self.failures <= 30:
            print(f"MISMATCH {where}: {message}")


def export(binary, project, fmt, out, extra):
    cmd = [binary, "export", project, "--format", fmt, "--out", out] + extra
    run = subprocess.run(cmd, capture_output=True, text=True, encoding="utf-8")
    if run.returncode != 0:
        print(f"export {fmt} failed ({run.returncode}): {run.stderr.strip()}")
        sys.exit(2)
    return run.stderr


def valid_range(text, start, end):
    return isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)


def check_jsonl(path, c):
    """Returns {text: set of (start, end, label, annotator)}, {doc id: text}, the links
    as {text: set of ((s, e, label), (s, e, label), type, annotator)} and the attribute
    values as {text: {(s, e, label, annotator): {name: value}}}."""
    spans_by_text, texts, links, values = {}, {}, {}, {}
    with open(path, encoding="utf-8") as f:
        content = f.read()
    if len(content.splitlines()) != content.count("\n"):
        c.fail("jsonl", "str.splitlines() does not give one line per record")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"jsonl:{n}"
            if ESCAPED_NON_ASCII.search(line):
                c.fail(where, "non-ASCII text written as \\u escapes")
            doc = json.loads(line)
            c.count("jsonl documents")
            if list(doc.keys()) != JSONL_KEYS:
                c.fail(where, f"keys {list(doc.keys())}, expected {JSONL_KEYS}")
            text = doc["text"]
            texts[doc["id"]] = text
            meta = doc["meta"]
            if meta.get("offsets") != "unicode_codepoints":
                c.fail(where, f"meta.offsets is {meta.get('offsets')!r}")
            if meta.get("hash") != hashlib.sha256(text.encode("utf-8")).hexdigest():
                c.fail(where, "meta.hash is not the SHA-256 of the text")
            found = spans_by_text.setdefault(text, set())
            by_id = {}
            for span in doc["spans"]:
                c.count("jsonl spans")
                if list(span.keys())[:7] != SPAN_KEYS:
                    c.fail(where, f"span keys {list(span.keys())}")
                s, e = span["start"], span["end"]
                if not valid_range(text, s, e):
                    c.fail(where, f"span {s}..{e} outside the text ({len(text)} code points)")
                elif text[s:e] != span["text"]:
                    c.fail(where, f"text[{s}:{e}] = {text[s:e]!r}, span text {span['text']!r}")
                if span["id"] in by_id:
                    c.fail(where, f"span id {span['id']!r} used twice")
                by_id[span["id"]] = (s, e, span["label"])
                found.add((s, e, span["label"], span["annotator"]))
                attributes = span["attributes"]
                if not isinstance(attributes, dict):
                    c.fail(where, "attributes is not an object")
                    continue
                for name, value in attributes.items():
                    c.count("jsonl attribute values")
                    if isinstance(value, float) and value.is_integer():
                        c.fail(where, f"attribute {name} = {value} written with a fraction")
                if attributes:
                    values.setdefault(text, {})[(s, e, span["label"], span["annotator"])] = attributes
            for relation in doc["relations"]:
                c.count("jsonl relations")
                if list(relation.keys()) != RELATION_KEYS:
                    c.fail(where, f"relation keys {list(relation.keys())}")
                head, tail = by_id.get(relation["head"]), by_id.get(relation["tail"])
                if head is None or tail is None:
                    c.fail(where, f"relation {relation['id']} names a span not on the line")
                    continue
                links.setdefault(text, set()).add((head, tail, relation["type"], relation["annotator"]))
    return spans_by_text, texts, links, values


def same_links(name, got, expected, c, with_annotator=True):
    """Compares {text: links} of a format with jsonl's (annotators dropped when the format has none)."""
    strip = (lambda ls: ls) if with_annotator else (lambda ls: {l[:3] for l in ls})
    for text in set(got) | set(expected):
        g, e = strip(got.get(text, set())), strip(expected.get(text, set()))
        if g != e:
            c.fail(name, f"links differ from jsonl for a text starting {text[:30]!r}: "
                         f"missing {sorted(e - g)[:3]}, extra {sorted(g - e)[:3]}")


def check_flavour(path, name, spans_key, jsonl_spans, c):
    """doccano/prodigy: offsets fit, and the spans equal the jsonl spans of the same text.
    Returns the links, {text: set of (head, tail, type)}."""
    seen, links = {}, {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            where = f"{name}:{n}"
            doc = json.loads(line)
            text = doc["text"]
            annotator = doc.get("annotator") if name == "doccano" else doc.get("_annotator_id")
            if name == "prodigy" and (not isinstance(doc.get("meta"), dict) or "spans" not in doc):
                c.fail(where, "prodigy line without spans or meta")
            items = doc[spans_key]
            for item in items:
                c.count(f"{name} spans")
                if name == "doccano":
                    s, e, label = item
                else:
                    s, e, label = item["start"], item["end"], item["label"]
                if not valid_range(text, s, e):
                    c.fail(where, f"span {s}..{e} outside the text")
                seen.setdefault(text, set()).add((s, e, label, annotator))
            if name == "doccano":
                entities = {x["id"]: (x["start_offset"], x["end_offset"], x["label"]) for x in doc["entities"]}
                if sorted(entities.values()) != sorted(tuple(x) for x in doc["label"]):
                    c.fail(where, "entities and label hold different spans")
                for r in doc["relations"]:
                    c.count("doccano relations")
                    head, tail = entities.get(r["from_id"]), entities.get(r["to_id"])
                    if head is None or tail is None:
                        c.fail(where, f"relation {r['id']} names no entity of the line")
                        continue
                    links.setdefault(text, set()).add((head, tail, r["type"]))
            else:
                spans = {(x["start"], x["end"], x["label"]) for x in items}
                for r in doc.get("relations", []):
                    c.count("prodigy relations")
                    head = tuple(r["head_span"][k] for k in ("start", "end", "label"))
                    tail = tuple(r["child_span"][k] for k in ("start", "end", "label"))
                    if head not in spans or tail not in spans:
                        c.fail(where, "relation names a span not on the line")
                    links.setdefault(text, set()).add((head, tail, r["label"]))
    for text, spans in jsonl_spans.items():
        got = seen.get(text, set())
        expected = spans
        # Gold exports name the accepted span's annotator in jsonl and "gold" here.
        if {a for (_, _, _, a) in got} == {"gold"}:
            expected = {(s, e, l, "gold") for (s, e, l, _) in spans}
        if got != expected:
            c.fail(name, f"spans differ from jsonl for a text starting {text[:30]!r}: "
                         f"missing {sorted(expected - got)[:3]}, extra {sorted(got - expected)[:3]}")
    return links


LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def check_brat(folder, jsonl_spans, c):
    """Returns the links {text: set of (head, tail, type)} and the attribute values
    {text: {(s, e, label): {name: value text}}}, heads and tails as (s, e, label)."""
    conf = open(os.path.join(folder, "annotation.conf"), encoding="utf-8").read()
    entities = conf.split("[entities]", 1)[1].split("[relations]", 1)[0]
    types = {l.strip() for l in entities.splitlines() if l.strip() and not l.startswith("#")}
    relation_part = conf.split("[relations]", 1)[1].split("[events]", 1)[0]
    relation_types = {l.split("\t")[0] for l in relation_part.splitlines() if l.strip() and not l.startswith("#")}
    attribute_part = conf.split("[attributes]", 1)[1]
    attribute_names = {l.split("\t")[0] for l in attribute_part.splitlines() if l.strip() and not l.startswith("#")}
    seen, links, values = {}, {}, {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        c.count("brat documents")
        with open(os.path.join(folder, name[:-4] + ".txt"), encoding="utf-8", newline="") as f:
            text = f.read()
        found = seen.setdefault(text, set())
        with open(os.path.join(folder, name), encoding="utf-8", newline="") as f:
            ann_lines = f.read().split("\n")
        t_spans = {}
        for n, line in enumerate(ann_lines, 1):
            where = f"brat/{name}:{n}"
            if line.startswith("R"):
                c.count("brat R lines")
                rid, data = line.split("\t")
                kind, arg1, arg2 = data.split(" ")
                if kind not in relation_types:
                    c.fail(where, f"relation type {kind!r} not in annotation.conf")
                head, tail = t_spans.get(arg1.split(":")[1]), t_spans.get(arg2.split(":")[1])
                if not arg1.startswith("Arg1:") or not arg2.startswith("Arg2:") or head is None or tail is None:
                    c.fail(where, f"relation arguments {arg1} {arg2} do not name T lines above")
                    continue
                links.setdefault(text, set()).add((head, tail, kind))
                continue
            if line.startswith("A"):
                c.count("brat A lines")
                aid, data = line.split("\t")
                parts = data.split(" ", 2)
                if parts[0] not in attribute_names:
                    c.fail(where, f"attribute {parts[0]!r} not in annotation.conf")
                target = t_spans.get(parts[1])
                if target is None:
                    c.fail(where, f"attribute on {parts[1]}, not a T line above")
                    continue
                value = parts[2] if len(parts) == 3 else None
                values.setdefault(text, {}).setdefault(target, {})[parts[0]] = value
                continue
            if not line.startswith("T"):
                continue
            c.count("brat T lines")
            tid, data, span_text = line.split("\t", 2)
            label, offsets = data.split(" ", 1)
            if label not in types:
                c.fail(where, f"type {label!r} not in annotation.conf")
            frags = [tuple(int(x) for x in p.split()) for p in offsets.split(";")]
            pieces = []
            for s, e in frags:
                if not valid_range(text, s, e):
                    c.fail(where, f"fragment {s}..{e} outside the text")
                    continue
                piece = text[s:e]
                if any(ch in LINE_BREAKS for ch in piece):
                    c.fail(where, f"fragment {s}..{e} holds a line break")
                pieces.append(piece)
            if " ".join(pieces) != span_text:
                c.fail(where, f"offsets give {' '.join(pieces)!r}, line says {span_text!r}")
            found.add((frags[0][0], frags[-1][1], label))
            t_spans[tid] = (frags[0][0], frags[-1][1], label)
    for text, spans in jsonl_spans.items():
        # brat fragments cannot be empty: line breaks at either end of a span are left out.
        expected = set()
        for s, e, l, _ in spans:
            while s < e and text[s] in LINE_BREAKS:
                s += 1
            while e > s and text[e - 1] in LINE_BREAKS:
                e -= 1
            if s < e:
                expected.add((s, e, l))
        if seen.get(text, set()) != expected:
            got = seen.get(text, set())
            c.fail("brat", f"spans differ from jsonl for a text starting {text[:30]!r}: "
                           f"missing {sorted(expected - got)[:3]}, extra {sorted(got - expected)[:3]}")
    return links, values


def csv_cell(value):
    """A cell as written before formula neutralizing: one leading ' removed before = + - @ TAB CR."""
    if value.startswith("'") and value[1:2] in ("=", "+", "-", "@", "\t", "\r"):
        return value[1:]
    return value


def check_csv(path, texts, jsonl_values, c):
    """Checks the spans file and the relations file beside it; returns the links."""
    with open(path, encoding="utf-8", newline="") as f:
        rows = [[csv_cell(v) for v in row] for row in csv.reader(f)]
    header = ["doc_id", "label", "annotator", "start", "end", "text",
              "left_context", "right_context", "note", "id", "attributes", "origin"]
    if rows[0] != header:
        c.fail("csv:1", f"header {rows[0]}")
    by_id = {}
    for n, row in enumerate(rows[1:], 2):
        c.count("csv rows")
        doc_id, label, who, start, end, span_text, left, right, _note, span_id, attributes, origin = row
        if origin not in ("manual", "accepted", "suggested"):
            c.fail(f"csv:{n}", f"origin {origin!r}")
        by_id[(doc_id, span_id)] = (int(start), int(end), label, span_text)
        attributes = json.loads(attributes)
        text = texts.get(doc_id)
        if attributes and text is not None and \
                jsonl_values.get(text, {}).get((int(start), int(end), label, who)) != attributes:
            c.fail(f"csv:{n}", f"attributes {attributes} differ from jsonl")
        text = texts.get(doc_id)
        s, e = int(start), int(end)
        if text is None or not valid_range(text, s, e):
            c.fail(f"csv:{n}", f"{doc_id} {s}..{e} does not fit")
            continue
        if text[s:e] != span_text:
            c.fail(f"csv:{n}", f"text[{s}:{e}] = {text[s:e]!r}, row says {span_text!r}")
        if text[max(0, s - CONTEXT):s].replace("\n", " ") != left:
            c.fail(f"csv:{n}", "left context does not match")
        if text[e:e + CONTEXT].replace("\n", " ") != right:
            c.fail(f"csv:{n}", "right context does not match")
    links = {}
    relations_path = path[:-len(".csv")] + ".relations.csv" if path.endswith(".csv") else path + ".relations.csv"
    with open(relations_path, encoding="utf-8", newline="") as f:
        rows = [[csv_cell(v) for v in row] for row in csv.reader(f)]
    if rows[0] != ["doc_id", "id", "type", "head", "tail", "annotator", "head_label", "head_text",
                   "tail_label", "tail_text"]:
        c.fail("relations.csv:1", f"header {rows[0]}")
    for n, row in enumerate(rows[1:], 2):
        c.count("csv relations")
        doc_id, _rid, kind, head, tail, who, head_label, head_text, tail_label, tail_text = row
        h, t = by_id.get((doc_id, head)), by_id.get((doc_id, tail))
        if h is None or t is None:
            c.fail(f"relations.csv:{n}", f"{head} or {tail} is not a span of {doc_id} in the csv")
            continue
        if (h[2], h[3], t[2], t[3]) != (head_label, head_text, tail_label, tail_text):
            c.fail(f"relations.csv:{n}", "head or tail label or text differs from the span rows")
        links.setdefault(texts[doc_id], set()).add((h[:3], t[:3], kind, who))
    return links


def check_conll(path, texts, c):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    text, pos, previous = None, 0, "O"
    for n, line in enumerate(lines, 1):
        where = f"conll:{n}"
        if line == "":
            previous = "O"
            continue
        if line.startswith("# ") and "\t" not in line:
            m = re.match(r"# doc_id = (.*)", line)
            if m:
                text, pos, previous = texts.get(m.group(1)), 0, "O"
                c.count("conll blocks")
                if text is None:
                    c.fail(where, f"unknown document {m.group(1)!r}")
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            c.fail(where, f"expected token<TAB>tag, got {line!r}")
            continue
        token, tag = parts
        c.count("conll tokens")
        if not re.fullmatch(r"O|[BI]-\S+", tag):
            c.fail(where, f"bad tag {tag!r}")
        if tag.startswith("I-") and previous[2:] != tag[2:]:
            c.fail(where, f"{tag} follows {previous}")
        previous = tag
        if text is not None:
            found = text.find(token, pos)
            if found < 0 or text[pos:found].strip():
                c.fail(where, f"token {token!r} is not the next token of the text")
            else:
                pos = found + len(token)


def main():
    if len(sys.argv) < 3:
        print(__doc__)
        return 2
    project, binary, extra = sys.argv[1], sys.argv[2], sys.argv[3:]
    c = Checker()
    with tempfile.TemporaryDirectory() as out:
        paths = {fmt: os.path.join(out, f"export.{fmt}") for fmt in
                 ["jsonl", "doccano", "prodigy", "conll", "brat", "csv"]}
        for fmt, path in paths.items():
            export(binary, project, fmt, path, extra)
        jsonl_spans, texts, links, values = check_jsonl(paths["jsonl"], c)
        same_links("doccano", check_flavour(paths["doccano"], "doccano", "label", jsonl_spans, c), links, c, False)
        same_links("prodigy", check_flavour(paths["prodigy"], "prodigy", "spans", jsonl_spans, c), links, c, False)
        brat_links, brat_values = check_brat(paths["brat"], jsonl_spans, c)
        same_links("brat", brat_links, links, c, False)
        for text, by_span in values.items():
            for (s, e, label, _who), attributes in by_span.items():
                expected = {k: value_text(v) for k, v in attributes.items() if value_text(v) is not False}
                if brat_values.get(text, {}).get((s, e, label), {}) != expected:
                    c.fail("brat", f"attribute lines of {label} {s}..{e} differ from jsonl {attributes}")
        same_links("csv", check_csv(paths["csv"], texts, values, c), links, c)
        check_conll(paths["conll"], texts, c)
    for what in sorted(c.counts):
        print(f"{what}: {c.counts[what]}")
    if c.failures:
        print(f"FAILED: {c.failures} mismatches")
        return 1
    print("all offsets match")
    return 0


if __name__ == "__main__":
    sys.exit(main())
