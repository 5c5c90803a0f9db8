"""Scoring against the gold, with the rules of the reference scorer (shared/tools/score_gold.py
and tests/gold/README.md): precision, recall, F1 and agreement figures."""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field


@dataclass
class PRF:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0
    extra: dict = field(default_factory=dict)

    def __iadd__(self, other: "PRF") -> "PRF":
        self.tp += other.tp
        self.n_pred += other.n_pred
        self.n_gold += other.n_gold
        for k, v in other.extra.items():
            self.extra[k] = self.extra.get(k, 0) + v
        return self

    @property
    def precision(self) -> float:
        return self.tp / self.n_pred if self.n_pred else (1.0 if not self.n_gold else 0.0)

    @property
    def recall(self) -> float:
        return self.tp / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __str__(self) -> str:
        return (f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
                f"(tp={self.tp} pred={self.n_pred} gold={self.n_gold}) {self.extra}")


def nfkc(s: str | None) -> str:
    return unicodedata.normalize("NFKC", s or "")


def score_outline(gold: list[dict], pred: list[dict]) -> PRF:
    """Match on (line, style, number); count level+parent agreement on the matches."""
    key = lambda h: (h.get("line"), h.get("style"), h.get("number"))  # noqa: E731
    gkeys = {key(h): i for i, h in enumerate(gold)}
    pkeys = {key(h): h for h in pred}
    pid = {h.get("id"): key(h) for h in pred}
    tp = [k for k in pkeys if k in gkeys]
    tree = marker = 0
    for k in tp:
        g, p = gold[gkeys[k]], pkeys[k]
        gpar = key(gold[g["parent"]]) if g.get("parent") is not None else None
        ppar = pid.get(p.get("parent")) if p.get("parent") is not None else None
        tree += g.get("level") == p.get("level") and gpar == ppar
        marker += nfkc(g.get("marker")) == nfkc(p.get("marker"))
    return PRF(len(tp), len(pkeys), len(gkeys), {"tree_agree": tree, "marker_agree": marker})
