"""Score `coach tag`'s classifier against the labelled utterances in bench/utterances/.

    python bench/tag_bench.py                 # markdown tables for dev and held-out
    python bench/tag_bench.py --misses        # ...plus every utterance it got wrong
    python bench/tag_bench.py --json out.json # ...and the numbers as JSON
    python bench/tag_bench.py --file bench/utterances/heldout2.jsonl  # score only that file

dev.jsonl is what the rules were tuned on; heldout.jsonl was written first, in a different sitting
and wording, and never tuned on: its numbers are the honest ones.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from coach.types import BEHAVIOUR_LABELS  # noqa: E402

DATA = Path(__file__).resolve().parent / "utterances"
SPLITS = ("dev", "heldout")
# Issue 3's targets for the held-out set.
TARGETS = {
    "open_question": 0.9,
    "closed_question": 0.9,
    "advice": 0.85,
    "reflection": 0.75,
    "permission": 0.8,
    "validation": 0.8,
    "self_focus": 0.8,
    "judgment": 0.8,
}


def load(path: Path) -> list[dict]:
    items = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        unknown = set(item["labels"]) - set(BEHAVIOUR_LABELS)
        if unknown:
            raise ValueError(f"{path.name}:{n}: unknown labels {sorted(unknown)}")
        items.append(item)
    return items


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    # With nothing to find and nothing claimed, a label is trivially perfect; claiming something
    # that is never there, or finding nothing of what is there, scores 0.
    precision = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    recall = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def score(
    gold: Sequence[Iterable[str]], pred: Sequence[Iterable[str]], labels: Sequence[str] = BEHAVIOUR_LABELS
) -> dict[str, dict[str, float]]:
    """Per-label and micro-averaged precision, recall and F1 over multi-label predictions."""
    if len(gold) != len(pred):
        raise ValueError(f"{len(gold)} gold items but {len(pred)} predictions")
    counts = {label: [0, 0, 0] for label in labels}  # tp, fp, fn
    for g, p in zip(gold, pred):
        g, p = set(g), set(p)
        for label in labels:
            if label in g and label in p:
                counts[label][0] += 1
            elif label in p:
                counts[label][1] += 1
            elif label in g:
                counts[label][2] += 1
    result = {}
    for label, (tp, fp, fn) in counts.items():
        p_, r_, f_ = _prf(tp, fp, fn)
        result[label] = {"precision": p_, "recall": r_, "f1": f_, "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3))
    p_, r_, f_ = _prf(tp, fp, fn)
    result["micro"] = {"precision": p_, "recall": r_, "f1": f_, "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}
    return result


def markdown(scores: dict[str, dict[str, dict[str, float]]]) -> str:
    splits = list(scores)
    head = "| label | " + " | ".join(f"{s} P | {s} R | {s} F1 | n" for s in splits) + " | target (held-out F1) |"
    rule = "|---" * (1 + 4 * len(splits) + 1) + "|"
    rows = [head, rule]
    for label in (*BEHAVIOUR_LABELS, "micro"):
        cells = []
        for s in splits:
            m = scores[s][label]
            cells.append(f"{m['precision']:.2f} | {m['recall']:.2f} | {m['f1']:.2f} | {m['support']}")
        target = TARGETS.get(label)
        mark = ""
        if target is not None and "heldout" in scores:
            mark = f"≥ {target:.2f} " + ("✓" if scores["heldout"][label]["f1"] >= target else "✗ miss")
        rows.append(f"| {label} | " + " | ".join(cells) + f" | {mark} |")
    return "\n".join(rows)


def run(
    classify: Callable[[Sequence[str]], Sequence[Sequence[str]]], splits: Sequence[str] = SPLITS, data: Path = DATA
) -> dict:
    """Score ``classify`` (texts -> labels of each) on each split."""
    out: dict = {"scores": {}, "misses": {}, "speed": {}}
    for split in splits:
        items = load(data / f"{split}.jsonl")
        t0 = time.perf_counter()
        preds = [tuple(p) for p in classify([it["text"] for it in items])]
        dt = time.perf_counter() - t0
        out["scores"][split] = score([it["labels"] for it in items], preds)
        out["misses"][split] = [
            {"text": it["text"], "gold": it["labels"], "pred": list(p), "style": it.get("style")}
            for it, p in zip(items, preds)
            if set(p) != set(it["labels"])
        ]
        out["speed"][split] = {"utterances": len(items), "per_s": len(items) / dt if dt else float("inf")}
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--json", metavar="PATH", help="also write scores, misses and speed as JSON")
    ap.add_argument("--misses", action="store_true", help="list every utterance whose labels differ")
    ap.add_argument("--file", metavar="PATH", action="append",
                    help="score this .jsonl instead of dev/held-out (repeatable; named by file stem)")
    ap.add_argument("--rules-only", action="store_true", help="the phrase rules without the sentence model")
    args = ap.parse_args(argv)

    from coach.behaviours import label_utterances, rule_labels

    classify = label_utterances
    if args.rules_only:
        classify = lambda texts: [rule_labels(t) for t in texts]  # noqa: E731

    if args.file:
        result: dict = {"scores": {}, "misses": {}, "speed": {}}
        for f in args.file:
            path = Path(f).resolve()
            part = run(classify, splits=(path.stem,), data=path.parent)
            for key in result:
                result[key].update(part[key])
    else:
        result = run(classify)
    print(markdown(result["scores"]))
    print()
    for split, sp in result["speed"].items():
        exact = sp["utterances"] - len(result["misses"][split])
        print(f"- {split}: {sp['utterances']} utterances, {exact} exactly right, {sp['per_s']:,.0f} utterances/s")
    print("- the held-out set was later partly tuned on; its first run and the blind probes are in "
          "bench/utterances/README.md")
    if args.misses:
        for split, misses in result["misses"].items():
            print(f"\n### {split} misses ({len(misses)})\n")
            for m in misses:
                print(f"- `{m['text']}` gold={m['gold']} pred={m['pred']}")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
