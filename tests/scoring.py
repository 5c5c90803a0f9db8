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


def _close(a, b, tol: float = 0.005) -> bool:
    if a is None or b is None:
        return a is None and b is None
    a, b = float(a), float(b)
    return abs(a - b) <= tol * max(abs(a), abs(b), 1e-9)


def _target_match(g: dict, p: dict, loose: bool = False) -> bool:
    if g.get("line") != p.get("line"):
        return False
    if not (_close(g.get("value"), p.get("value")) and _close(g.get("growth"), p.get("growth"))):
        return False
    if loose:
        return True
    inds = {g.get("indicator"), *(g.get("indicator_alt") or [])}
    return p.get("indicator") in inds and g.get("kind") == p.get("kind")


TARGET_ATTRS = ("indicator", "kind", "qualifier", "unit", "masked", "value_max", "period")


def _match_one_to_one(gold: list[dict], pred: list[dict], loose: bool) -> tuple[int, int, list[tuple[dict, dict]]]:
    """Greedy one-to-one matching within a line, required gold items first (the reference
    scorer's order); returns (required hits, optional hits, matched pairs)."""
    used: set[int] = set()
    tp = opt = 0
    pairs = []
    for is_opt in (False, True):
        for g in gold:
            if bool(g.get("optional")) != is_opt:
                continue
            for j, p in enumerate(pred):
                if j not in used and _target_match(g, p, loose):
                    used.add(j)
                    pairs.append((g, p))
                    if is_opt:
                        opt += 1
                    else:
                        tp += 1
                    break
    return tp, opt, pairs


def score_targets(gold: list[dict], pred: list[dict], loose: bool = False) -> PRF:
    """Targets P/R/F1 (tests/gold/README.md): a predicted record matches a gold one on the same
    line with value and growth within 0.5% (or both null), an accepted indicator and the same
    kind; ``loose`` ("found") drops indicator and kind. Optional gold items neither reward nor
    penalise. ``extra`` counts attribute agreement on the loose matches."""
    required = sum(1 for g in gold if not g.get("optional"))
    tp, opt, _ = _match_one_to_one(gold, pred, loose)
    extra: dict = {}
    if loose:
        for g, p in _match_one_to_one(gold, pred, True)[2]:
            for a in TARGET_ATTRS:
                ok = p.get(a) in {g.get(a), *(g.get("indicator_alt") or [])} if a == "indicator" else \
                    (_close(g.get(a), p.get(a)) if a == "value_max" else g.get(a) == p.get(a))
                extra[a] = extra.get(a, 0) + ok
        extra["matched"] = len(_match_one_to_one(gold, pred, True)[2])
    return PRF(tp, len(pred) - opt, required, extra)


_SLOGAN_STRIP = "“”‘’「」『』\"'《》"


def slogan_norm(s: str | None) -> str:
    """NFKC, then t2s, then no quotes, punctuation or whitespace (tests/gold/README.md)."""
    from speechkit.normalize.script import to_simplified

    s = to_simplified(nfkc(s))
    return "".join(ch for ch in s if ch not in _SLOGAN_STRIP and not ch.isspace()
                   and not unicodedata.category(ch).startswith("P"))


def _slogan_forms(g: dict) -> set[str]:
    return {slogan_norm(g["slogan"]), *(slogan_norm(a) for a in g.get("aliases") or [])}


def _slogan_match(g: dict, p: dict) -> bool:
    """Equal normalised text or alias; a parallel run may also contain, or be contained in,
    the gold run when it holds at least 2/3 of the gold members."""
    text = slogan_norm(p.get("slogan") or p.get("text"))
    if text in _slogan_forms(g):
        return True
    if g.get("type") != "parallel" or not g.get("members"):
        return False
    gold = slogan_norm(g["slogan"])
    if not (gold in text or text in gold):
        return False
    held = sum(slogan_norm(m) in text for m in g["members"])
    return 3 * held >= 2 * len(g["members"])


def score_slogans(gold: list[dict], pred: list[dict]) -> PRF:
    """P/R over slogans; optional gold items neither reward nor penalise. A prediction that
    matches no required item but an optional one is left out of the count. extra: type and
    count agreement (exact and ±1) on the matches."""
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    used: set[int] = set()
    tp = type_ok = count_ok = count_near = 0
    for g in required:
        j = next((j for j, p in enumerate(pred) if j not in used and _slogan_match(g, p)), None)
        if j is None:
            continue
        used.add(j)
        tp += 1
        type_ok += pred[j].get("type") == g.get("type")
        count_ok += pred[j].get("count") == g.get("count")
        count_near += abs((pred[j].get("count") or 0) - (g.get("count") or 0)) <= 1
    neutral = {j for j, p in enumerate(pred) if j not in used
               and any(_slogan_match(g, p) for g in required + optional)}
    extra = {"type_ok": type_ok, "count_ok": count_ok, "count_pm1": count_near}
    return PRF(tp, len(pred) - len(neutral), len(required), extra)
