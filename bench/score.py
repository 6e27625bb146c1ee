"""Scores of a ``coach.report/2`` report against a ``coach.bench.truth/1`` ground truth.

Pure functions on dicts, no audio and no I/O, so tests pin them on hand-made cases.

Conventions:
- Every F1 is computed from counts (``tp``, ``fp``, ``fn``) kept in the result, so scores over many
  conversations are pooled from counts (micro-average), not averaged from ratios.
- Nothing to find and nothing found is a perfect score (1.0); something to find and nothing found
  is 0.0.
- DER follows md-eval: per 10 ms frame, missed = max(0, n_ref - n_hyp), false alarm =
  max(0, n_hyp - n_ref), confusion = min(n_ref, n_hyp) - n_correct, over the total reference speech
  counted per speaker (two people at once count twice); frames within ``collar`` of any reference
  boundary are not scored.
- Words in the wrong turn (scripted dialogues only, whose words are known): a word of a speaker's
  turn that the speaker did not say near then but the other person did.
- Speakers are mapped by role (listener to listener, partner to partner) when both sides have one
  of each, else by the permutation with the most overlapping speech. A report that swaps the roles
  therefore scores badly on purpose: all the feedback would go to the wrong person.
"""

from __future__ import annotations

import itertools
import re
from typing import Iterable

import numpy as np

from coach.types import BEHAVIOUR_LABELS

STEP = 0.01
COLLAR = 0.25
EVENT_TOLERANCE_S = 1.0
# A word belongs to a turn if its speaker said it this close to it (Whisper's word times drift).
WORD_WINDOW_S = 1.5

Spans = list[tuple[float, float]]


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else (1.0 if fn == 0 else 0.0)
    r = tp / (tp + fn) if tp + fn else (1.0 if fp == 0 else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


def pool(results: Iterable[dict | None]) -> dict | None:
    """Sum the counts of several results and recompute their ratios (DER or F1; words in the wrong turn
    are counts only)."""
    results = [r for r in results if r]
    if not results:
        return None
    if "total" in results[0]:
        keys = ("missed", "false_alarm", "confusion", "total")
        s = {k: sum(r[k] for r in results) for k in keys}
        s["der"] = (s["missed"] + s["false_alarm"] + s["confusion"]) / s["total"] if s["total"] else 0.0
        return s
    if "misattributed" in results[0]:
        return {k: sum(r[k] for r in results) for k in ("words", "misattributed", "reference", "errors")}
    return prf(*(sum(r[k] for r in results) for k in ("tp", "fp", "fn")))


# -- words ----------------------------------------------------------------------------------------


def words_of(text: str) -> list[str]:
    """Lower-case words, punctuation dropped: what word scores compare."""
    return re.findall(r"[a-z0-9']+", text.lower())


def word_errors(ref: list[str], hyp: list[str]) -> int:
    """Substitutions, deletions and insertions that turn ``ref`` into ``hyp`` (Levenshtein on words)."""
    d = list(range(len(hyp) + 1))
    for i, rw in enumerate(ref, 1):
        prev, d[0] = d[0], i
        for j, hw in enumerate(hyp, 1):
            prev, d[j] = d[j], min(d[j] + 1, d[j - 1] + 1, prev + (rw != hw))
    return d[len(hyp)]


# -- frames ---------------------------------------------------------------------------------------


def _n_frames(duration: float) -> int:
    return int(np.ceil(duration / STEP)) + 1


def frames(spans: Spans, n: int) -> np.ndarray:
    out = np.zeros(n, bool)
    for s, e in spans:
        a, b = max(0, int(round(s / STEP))), min(n, int(round(e / STEP)))
        out[a:b] = True
    return out


def _end(*groups: Iterable[Spans]) -> float:
    return max([e for g in groups for spans in g for _, e in spans], default=0.0)


# -- diarization ----------------------------------------------------------------------------------


def best_mapping(ref: dict[str, Spans], hyp: dict[str, Spans], duration: float | None = None) -> dict[str, str]:
    """hyp speaker -> ref speaker, one to one, with the most jointly active frames."""
    n = _n_frames(duration if duration is not None else _end(ref.values(), hyp.values()))
    rf = {k: frames(v, n) for k, v in ref.items()}
    hf = {k: frames(v, n) for k, v in hyp.items()}
    r_ids, h_ids = list(rf), list(hf)
    gain = {(h, r): int(np.sum(hf[h] & rf[r])) for h in h_ids for r in r_ids}
    best, best_score = {}, -1
    if len(h_ids) <= 7 and len(r_ids) <= 7:
        k = min(len(h_ids), len(r_ids))
        fixed_h = len(h_ids) == k  # permute the larger side against the smaller one
        for perm in itertools.permutations(r_ids if fixed_h else h_ids, k):
            pairs = list(zip(h_ids, perm)) if fixed_h else list(zip(perm, r_ids))
            score = sum(gain[p] for p in pairs)
            if score > best_score:
                best, best_score = dict(pairs), score
    else:  # greedy: meetings with many speakers are not this benchmark's subject
        used: set[str] = set()
        for (h, r), g in sorted(gain.items(), key=lambda x: -x[1]):
            if h not in best and r not in used:
                best[h] = r
                used.add(r)
    return best


def der(
    ref: dict[str, Spans],
    hyp: dict[str, Spans],
    mapping: dict[str, str] | None = None,
    collar: float = COLLAR,
    duration: float | None = None,
) -> dict:
    """Diarization error rate; ``mapping`` (hyp -> ref) defaults to the best permutation."""
    duration = max(duration or 0.0, _end(ref.values(), hyp.values()))
    n = _n_frames(duration)
    if mapping is None:
        mapping = best_mapping(ref, hyp, duration)
    rf = {k: frames(v, n) for k, v in ref.items()}
    hf = {k: frames(v, n) for k, v in hyp.items()}
    scored = np.ones(n, bool)
    if collar > 0:
        for spans in ref.values():
            for b in (t for span in spans for t in span):
                scored[max(0, int(round((b - collar) / STEP))) : int(round((b + collar) / STEP))] = False
    n_ref = sum((f.astype(int) for f in rf.values()), np.zeros(n, int))
    n_hyp = sum((f.astype(int) for f in hf.values()), np.zeros(n, int))
    n_ok = sum(
        ((hf[h] & rf[r]).astype(int) for h, r in mapping.items() if h in hf and r in rf), np.zeros(n, int)
    )
    m = scored
    out = {
        "missed": int(np.sum(np.maximum(0, n_ref - n_hyp)[m])),
        "false_alarm": int(np.sum(np.maximum(0, n_hyp - n_ref)[m])),
        "confusion": int(np.sum((np.minimum(n_ref, n_hyp) - n_ok)[m])),
        "total": int(np.sum(n_ref[m])),
    }
    err = out["missed"] + out["false_alarm"] + out["confusion"]
    out["der"] = err / out["total"] if out["total"] else (0.0 if err == 0 else 1.0)
    out["mapping"] = dict(mapping)
    return out


def overlap_f1(ref: Spans, hyp: Spans, duration: float | None = None) -> dict:
    """Frame-level (10 ms) F1 of overlapped speech."""
    n = _n_frames(max(duration or 0.0, _end([ref, hyp])))
    r, h = frames(ref, n), frames(hyp, n)
    return prf(int(np.sum(r & h)), int(np.sum(h & ~r)), int(np.sum(r & ~h)))


def overlaps_of(segs: dict[str, Spans]) -> Spans:
    """Where at least two of the speakers are active, from per-speaker spans."""
    n = _n_frames(_end(segs.values()))
    count = sum((frames(v, n).astype(int) for v in segs.values()), np.zeros(n, int))
    on = np.concatenate([[0], (count >= 2).astype(int), [0]])
    d = np.diff(on)
    return [(a * STEP, b * STEP) for a, b in zip(np.flatnonzero(d == 1), np.flatnonzero(d == -1))]


# -- events ---------------------------------------------------------------------------------------


def event_f1(ref: list[tuple[float, str]], hyp: list[tuple[float, str | None]], tol: float = EVENT_TOLERANCE_S) -> dict:
    """Onsets matched one to one within ``tol`` seconds and with the same speaker, closest first."""
    pairs = sorted(
        (abs(rt - ht), i, j)
        for i, (rt, rs) in enumerate(ref)
        for j, (ht, hs) in enumerate(hyp)
        if rs == hs and abs(rt - ht) <= tol
    )
    used_r, used_h, matches = set(), set(), []
    for _, i, j in pairs:
        if i not in used_r and j not in used_h:
            used_r.add(i)
            used_h.add(j)
            matches.append((i, j))
    out = prf(len(matches), len(hyp) - len(matches), len(ref) - len(matches))
    out["matches"] = sorted(matches)
    return out


def utterance_label_f1(ref_utts: list[dict], hyp_spans: list[tuple[float, float]], positive, slack: float = 0.5) -> dict:
    """Per-utterance F1 of one behaviour.

    Each predicted event goes to the reference utterance it overlaps most (with ``slack`` s of
    tolerance for word timing); an utterance with at least one event is predicted positive. An event
    that meets no utterance of that speaker is a false positive of its own.
    """
    hit = [False] * len(ref_utts)
    stray = 0
    for hs, he in hyp_spans:
        best, best_ov = None, 0.0
        for k, u in enumerate(ref_utts):
            ov = min(he, u["end"] + slack) - max(hs, u["start"] - slack)
            if ov > best_ov:
                best, best_ov = k, ov
        if best is None:
            stray += 1
        else:
            hit[best] = True
    pos = [bool(positive(u)) for u in ref_utts]
    tp = sum(h and p for h, p in zip(hit, pos))
    fp = sum(h and not p for h, p in zip(hit, pos)) + stray
    fn = sum(p and not h for h, p in zip(hit, pos))
    return prf(tp, fp, fn)


# -- whole report ---------------------------------------------------------------------------------


def ref_segments(truth: dict) -> dict[str, Spans]:
    out: dict[str, Spans] = {s["id"]: [] for s in truth["speakers"]}
    for seg in truth["segments"]:
        out.setdefault(seg["speaker"], []).append((seg["start"], seg["end"]))
    return out


def hyp_segments(report: dict) -> dict[str, Spans]:
    """A speaker's speech: their turns, plus backchannels found from voice activity alone
    (Whisper often returns no words for them, so they may have no turn)."""
    out: dict[str, Spans] = {s["id"]: [] for s in report.get("speakers", [])}
    for t in report.get("turns", []):
        out.setdefault(t["speaker"], []).append((t["start"], t["end"]))
    for e in report.get("events", []):
        if e.get("type") == "backchannel":
            out.setdefault(e["speaker"], []).append((e["start"], e["end"]))
    return out


def role_mapping(truth: dict, report: dict) -> dict[str, str] | None:
    def by_role(speakers):
        roles = {}
        for s in speakers:
            if s.get("role") in ("listener", "partner"):
                if s["role"] in roles:
                    return None
                roles[s["role"]] = s["id"]
        return roles if len(roles) == 2 else None

    r, h = by_role(truth.get("speakers", [])), by_role(report.get("speakers", []))
    if not r or not h:
        return None
    return {h[role]: r[role] for role in r}


def _permitted(event: dict) -> bool:
    d = event.get("detail") or {}
    return bool(d.get("permitted") or d.get("with_permission") or d.get("asked"))


def word_attribution(report: dict, truth: dict, mapping: dict[str, str], window_s: float = WORD_WINDOW_S) -> dict | None:
    """How many of the report's words sit in the wrong person's turn: a word its speaker did not say
    within ``window_s`` of it, that another person did. A misheard word counts for neither. Also the
    word errors of the whole transcript, whoever said what (``errors`` of ``reference`` words: the
    truth's utterances in order of their start against the report's turns in order of theirs). Needs
    the truth's words (the scripted dialogues); None without them."""
    utterances = truth.get("utterances", [])
    if not utterances or any(not u.get("text") for u in utterances if u.get("kind") != "backchannel"):
        return None  # LibriSpeech turns come without their words (only the TTS backchannels have them)
    counted = misattributed = 0
    for turn in report.get("turns", []):
        speaker = mapping.get(turn["speaker"])
        for w in turn.get("words", []):
            spoken = words_of(w["word"])
            if not spoken:
                continue
            mid = (w["start"] + w["end"]) / 2
            near = [u for u in utterances if u["start"] - window_s <= mid <= u["end"] + window_s]
            own = {x for u in near if u["speaker"] == speaker for x in words_of(u["text"])}
            others = {x for u in near if u["speaker"] != speaker for x in words_of(u["text"])}
            counted += 1
            misattributed += spoken[0] not in own and spoken[0] in others
    # Turn by turn, as the reference is utterance by utterance: words sorted by time alone would weave
    # two people's overlapping sentences into one another and count that as errors.
    reference = [x for u in sorted(utterances, key=lambda u: u["start"]) for x in words_of(u.get("text") or "")]
    turns = sorted(report.get("turns", []), key=lambda t: t["start"])
    errors = word_errors(reference, [x for t in turns for w in t.get("words", []) for x in words_of(w["word"])])
    return {"words": counted, "misattributed": misattributed, "reference": len(reference), "errors": errors}


def score_report(report: dict, truth: dict, collar: float = COLLAR) -> dict:
    """Every score of one report. Scores a truth cannot support (no labels) are ``None``."""
    ref = ref_segments(truth)
    hyp = hyp_segments(report)
    duration = float(truth.get("duration_s") or 0.0)
    mapping = role_mapping(truth, report)
    perm = der(ref, hyp, None, collar, duration)
    out = {"mapping_by": "role" if mapping else "permutation"}
    out["der"] = der(ref, hyp, mapping, collar, duration) if mapping else perm
    out["der_best_permutation"] = perm
    m = out["der"]["mapping"]

    ref_ov = [(o["start"], o["end"]) for o in truth.get("overlaps", [])] if "overlaps" in truth else overlaps_of(ref)
    out["overlap"] = overlap_f1(ref_ov, [(o["start"], o["end"]) for o in report.get("overlaps", [])], duration)

    out["words"] = word_attribution(report, truth, m)
    events = report.get("events", [])

    def of_type(kind):
        return [e for e in events if e.get("type") == kind]

    if "interruptions" in truth:
        ref_i = [(x["time"], x["interrupter"]) for x in truth["interruptions"]]
        hyp_i = of_type("interruption")
        res = event_f1(ref_i, [(e["start"], m.get(e["speaker"])) for e in hyp_i])
        agree = [
            truth["interruptions"][i]["outcome"] == (hyp_i[j].get("detail") or {}).get("outcome")
            for i, j in res["matches"]
        ]
        res["outcome_accuracy"] = sum(agree) / len(agree) if agree else None
        out["interruption"] = res
    if "backchannels" in truth:
        ref_b = [(x["time"], x["speaker"]) for x in truth["backchannels"]]
        out["backchannel"] = event_f1(ref_b, [(e["start"], m.get(e["speaker"])) for e in of_type("backchannel")])
        # recall alone: a hypothesis cannot say where the truth put its backchannel (truths built before
        # pause backchannels existed have no "in_pause", and none)
        in_pause = [k for k, x in enumerate(truth["backchannels"]) if x.get("in_pause")]
        if in_pause:
            matched = {i for i, _ in out["backchannel"]["matches"]}
            found = sum(k in matched for k in in_pause)
            out["backchannel_in_pause"] = prf(found, 0, len(in_pause) - found)

    listener = next((s["id"] for s in truth.get("speakers", []) if s.get("role") == "listener"), None)
    utts = [u for u in truth.get("utterances", []) if u["speaker"] == listener and u["kind"] != "backchannel"]
    if listener and any(u.get("labels") for u in utts):
        def mine(kind, keep=lambda e: True):
            return [(e["start"], e["end"]) for e in of_type(kind) if m.get(e["speaker"]) == listener and keep(e)]

        out["advice"] = utterance_label_f1(utts, mine("advice"), lambda u: "advice" in u["labels"])
        out["unasked_advice"] = utterance_label_f1(
            utts,
            mine("advice", lambda e: not _permitted(e)),
            lambda u: "advice" in u["labels"] and not u.get("permitted"),
        )
        out["labels"] = {
            label: utterance_label_f1(utts, mine(label), lambda u, lab=label: lab in u["labels"])
            for label in BEHAVIOUR_LABELS
        }
    else:
        out["advice"] = None
    return out
