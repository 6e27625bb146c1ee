"""Train the label heads of ``coach/tagmodel.py`` on the labelled utterance sets; write heads.json.

    .venv/bin/python models/minilm/train_heads.py

One L2-regularised logistic regression per label over the sentence embedding, fitted by Newton's
method (deterministic: same data, same file). Trained on the sets the rules were tuned on (dev,
heldout, heldout2, heldout3) and on train5, written for the model; heldout4 is never read here, so it
stays a blind test of rules + model. Each label's threshold is the lowest at which the head alone
reached PRECISION in 5-fold cross-validation (folds by a fixed shuffle), so the model adds a label only
where it is usually right; its regularisation is the one of L2_CHOICES that recalls most at that
precision. A label whose head never gets there is left to the rules.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SETS = ("dev", "heldout", "heldout2", "heldout3", "train5")
# Labels of meaning, where phrase tables run out; questions, advice and permission are a matter of form.
LABELS = ("reflection", "validation", "self_focus", "judgment")
PRECISION = 0.9
MIN_RECALL = 0.2  # a head that is precise only on a handful of lines is not worth its false alarms
L2_CHOICES = (0.03, 0.1, 0.3, 1.0)
FOLDS = 5


def fit(x: np.ndarray, y: np.ndarray, l2: float, iterations: int = 25) -> tuple[np.ndarray, float]:
    """Weights and bias of a logistic regression (bias not regularised), by Newton's method."""
    xb = np.hstack([x, np.ones((len(x), 1))]).astype(np.float64)
    w = np.zeros(xb.shape[1])
    reg = np.full(xb.shape[1], l2)
    reg[-1] = 0.0
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-(xb @ w)))
        grad = xb.T @ (p - y) + reg * w
        hess = (xb * (p * (1 - p))[:, None]).T @ xb + np.diag(reg + 1e-9)
        step = np.linalg.solve(hess, grad)
        w -= step
        if np.max(np.abs(step)) < 1e-8:
            break
    return w[:-1], float(w[-1])


def threshold_for_precision(scores: np.ndarray, y: np.ndarray) -> tuple[float, float, float]:
    """The lowest score threshold whose precision is at least PRECISION: (threshold, precision, recall);
    (1.01, nan, 0) when none is (the head is then off)."""
    for t in np.arange(0.30, 1.0, 0.01):
        predicted = scores >= t
        if not predicted.any():
            break
        precision = float((predicted & (y == 1)).sum() / predicted.sum())
        recall = float((predicted & (y == 1)).sum() / max(1, (y == 1).sum()))
        if precision >= PRECISION and recall >= MIN_RECALL:
            return round(float(t), 2), precision, recall
    return 1.01, float("nan"), 0.0


def main() -> int:
    sys.path.insert(0, str(ROOT))
    from coach.tagmodel import embed

    rows = [json.loads(line) for name in SETS for line in (ROOT / "bench/utterances" / f"{name}.jsonl").open()]
    x = embed([r["text"] for r in rows])
    fold = np.random.default_rng(0).permutation(len(rows)) % FOLDS
    weights, bias, thresholds, report = [], [], {}, {}
    for label in LABELS:
        y = np.array([label in r["labels"] for r in rows], dtype=np.float64)
        best = None
        for l2 in L2_CHOICES:
            held_scores = np.zeros(len(rows))
            for k in range(FOLDS):
                w, b = fit(x[fold != k], y[fold != k], l2)
                held_scores[fold == k] = 1.0 / (1.0 + np.exp(-(x[fold == k] @ w + b)))
            found = threshold_for_precision(held_scores, y)
            if best is None or found[2] > best[1][2]:
                best = (l2, found)
        l2, (t, precision, recall) = best
        w, b = fit(x, y, l2)
        weights.append(np.round(w, 6).tolist())
        bias.append(round(b, 6))
        thresholds[label] = t
        report[label] = {"threshold": t, "l2": l2, "cv_precision": round(precision, 3) if t <= 1 else None,
                         "cv_recall": round(recall, 3), "positives": int(y.sum())}
        print(f"{label:12s} threshold {t:.2f}  l2 {l2}  cross-validated precision {precision:.2f} "
              f"recall {recall:.2f}  ({int(y.sum())} of {len(rows)})")
    out = {"labels": list(LABELS), "weights": weights, "bias": bias, "thresholds": thresholds,
           "trained_on": [f"bench/utterances/{s}.jsonl" for s in SETS], "cross_validation": report}
    (HERE / "heads.json").write_text(json.dumps(out, allow_nan=False) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
