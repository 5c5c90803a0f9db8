"""Every record of every corpus text (and, if present, every dev-set text), as one JSON line
each, for checking that a speed change leaves the records identical:

    python benchmarks/dump_records.py > /tmp/before.jsonl     # on the commit before
    python benchmarks/dump_records.py > /tmp/after.jsonl      # on the change
    cmp /tmp/before.jsonl /tmp/after.jsonl

Each line is ``api.analysis_records`` of one text (meta, headings, targets, slogans, all
keywords), plus the ``targets`` and ``slogans`` each stage gives when run on its own (they
work out their outline themselves), plus the clean text's digest. ``--only NAME`` dumps the
texts whose name contains NAME.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys

from common import ROOT, corpus_texts

from speechkit import api, records
from speechkit.config import Config


def texts() -> list[tuple[str, dict]]:
    """(name, keyword arguments of ``api.load``): corpus texts by text, dev-set files by path
    (they come in every encoding and format)."""
    out = [(name, {"text": text}) for name, text in corpus_texts()]
    dev = ROOT.parent / "shared" / "devset" / "texts"
    if dev.is_dir():
        out += [(f"devset/{p.name}", {"path": p}) for p in sorted(dev.iterdir()) if p.is_file()]
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    config = Config()
    for name, source in texts():
        if args.only not in name:
            continue
        doc = api.load(**source, config=config)
        line = {
            "name": name,
            "clean": hashlib.sha1(doc.clean.encode("utf-8")).hexdigest(),
            "analysis": api.analysis_records(doc, config, top_keywords=None),
            "targets": records.target_records(doc, api.targets(doc, config)),
            "slogans": records.slogan_records(doc, api.slogans(doc, config)),
        }
        sys.stdout.write(json.dumps(line, ensure_ascii=False, sort_keys=True, default=str) + "\n")


if __name__ == "__main__":
    main()
