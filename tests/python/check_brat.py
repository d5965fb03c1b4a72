#!/usr/bin/env python3
"""Reads a brat folder with brat's own reader (tests/python/brat/annotation.py).

Usage: check_brat.py FOLDER

For every .ann file, brat's TextAnnotations reads it with its .txt (checking each
text-bound annotation's text against the document) and collects its errors and
warnings. Every relation's arguments and every attribute's target must be
annotations of the file. Prints per file `FILE: T n, R n, A n` and each relation as
`TYPE: HEAD TEXT -> TAIL TEXT`, then `errors: N`; exits 1 when N > 0.
Plain python3 only.
"""

import codecs
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "brat"))
import annotation  # noqa: E402  (brat's reader, found through the path above)

# brat opens texts with mode "rU", which Python 3.11 refuses; "U" never changed what
# codecs.open read (it always opens in binary mode), so it is dropped.
annotation.open_textfile = lambda name, mode="r": codecs.open(
    name, mode.replace("U", ""), encoding="utf8", errors="strict")


def main():
    if len(sys.argv) != 2:
        print(__doc__)
        return 2
    folder = sys.argv[1]
    errors = 0
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".ann"):
            continue
        with annotation.TextAnnotations(os.path.join(folder, name[:-4]), read_only=True) as anns:
            messages = anns.get_messages()
            for message in messages.errors + messages.warnings:
                errors += 1
                print(f"{name}: {message}")
            textbounds = list(anns.get_textbounds())
            relations = list(anns.get_relations())
            attributes = list(anns.get_attributes())
            print(f"{name}: T {len(textbounds)}, R {len(relations)}, A {len(attributes)}")
            for r in relations:
                try:
                    head, tail = anns.get_ann_by_id(r.arg1), anns.get_ann_by_id(r.arg2)
                except Exception as e:  # brat raises its own error types
                    errors += 1
                    print(f"{name}: relation {r.id}: {e}")
                    continue
                print(f"  {r.type}: {head.text} -> {tail.text}")
            for a in attributes:
                try:
                    anns.get_ann_by_id(a.target)
                except Exception as e:
                    errors += 1
                    print(f"{name}: attribute {a.id}: {e}")
    print(f"errors: {errors}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
