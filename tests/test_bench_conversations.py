"""The conversation builder's ground truth agrees with itself and with the audio it wrote."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import tts  # noqa: E402
from bench.conversations import build_scripted, build_voices, render  # noqa: E402
from bench.dialogues import BC, CUT, OVER, PAUSE_BC, Dialogue, L, P  # noqa: E402
from bench.sound import SR  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"
needs_flite = pytest.mark.skipif(not tts.available("flite:slt"), reason="flite is not installed (apt-get install flite)")
needs_shared = pytest.mark.skipif(
    not (SHARED / "data" / "librispeech-voices").is_dir(), reason=f"{SHARED} with the LibriSpeech voices is absent"
)

# flite only: it renders in milliseconds, which keeps this file fast
SHORT = Dialogue("test-short", "test", "flite:rms", "flite:slt", (
    P("I have been so tired lately, my manager keeps moving every deadline and I cannot sleep at night."),
    BC("Mm-hmm.", 0.4),
    L("What has that been like for you?", "open_question"),
    P("Honestly it has been awful, I come home and I just sit in the car for twenty minutes doing nothing."),
    CUT("You should just talk to his boss about it.", "advice", at=0.5),
    P("Maybe, but that is not really what I am worried about right now, it is more the sleeping."),
    OVER("That reminds me of when I could not sleep either.", "self_focus", at=0.4),
    P("Anyway."),
))

PAUSED = Dialogue("test-paused", "test", "flite:rms", "flite:slt", (
    P("We drove up to see my mum on Sunday, and she did not know who I was for the first hour."),
    PAUSE_BC("Mm-hmm."),
    P("Then it came back to her, just like that, and she asked about the kids."),
    BC("Yeah.", 0.5),
    PAUSE_BC("Oh."),
    P("I do not know which part was worse."),
))


@pytest.fixture(scope="module")
def scripted(tmp_path_factory):
    out = tmp_path_factory.mktemp("conv")
    return render(build_scripted(SHORT, seed=3, cache=out / "tts"), out), out


@pytest.fixture(scope="module")
def voices(tmp_path_factory):
    out = tmp_path_factory.mktemp("voices")
    # two women: backchannels come from flite, so the test needs no piper. A 40 s conversation
    # does not always hold a cut-off interruption: take the first seed whose one does.
    for seed in range(8):
        conv = build_voices("3331", "367", seed=seed, cache=out / "tts", target_s=40.0)
        if any(x["outcome"] == "took_floor" for x in conv.timeline.interruptions):
            return render(conv, out), out
    pytest.fail("no seed gave a took_floor interruption")


def check_consistent(t: dict) -> None:
    dur = t["duration_s"]
    ids = {s["id"] for s in t["speakers"]}
    for key in ("segments", "overlaps", "utterances", "backchannels"):
        spans = t[key]
        for s in spans:
            start = s.get("start", s.get("time"))
            assert 0.0 <= start <= s["end"] <= dur, (key, s)
    for key in ("overlaps", "backchannels", "interruptions", "utterances"):
        times = [x.get("start", x.get("time")) for x in t[key]]
        assert times == sorted(times), key
    for spk in ids:
        segs = [(s["start"], s["end"]) for s in t["segments"] if s["speaker"] == spk]
        assert segs == sorted(segs)
        assert all(a[1] < b[0] for a, b in zip(segs, segs[1:])), "a speaker's segments must not overlap"
    active = {spk: [(s["start"], s["end"]) for s in t["segments"] if s["speaker"] == spk] for spk in ids}
    for o in t["overlaps"]:
        mid = (o["start"] + o["end"]) / 2
        assert sum(any(a <= mid <= b for a, b in v) for v in active.values()) >= 2
    for x in t["interruptions"] + t["backchannels"]:
        assert x.get("interrupter", x.get("speaker")) in ids
    for b in t["backchannels"]:
        other = [v for k, v in active.items() if k != b["speaker"]][0]
        if b.get("in_pause"):
            # in the other's pause: silent when it starts, they spoke just before and carry on just after
            assert not any(a <= b["time"] < e for a, e in other), b
            assert any(0.1 <= b["time"] - e <= 0.65 for _, e in other), b
            assert any(-0.15 <= a - b["end"] <= 0.55 for a, _ in other), b
            continue
        # inside the other's speech: they talk when it starts and are still talking after it
        assert any(a <= b["time"] < e for a, e in other), b
        assert any(a <= b["end"] + 0.5 and e > b["end"] for a, e in other), b
    for x in t["interruptions"]:
        assert any(a <= x["time"] < e for a, e in active[x["interrupted"]]), x


def levels(x: np.ndarray, spans, pad=0.05) -> float:
    parts = [x[int((a + pad) * SR) : int((b - pad) * SR)] for a, b in spans if b - a > 4 * pad]
    sig = np.concatenate(parts).astype(np.float64)
    return 10 * np.log10(np.mean(sig**2) + 1e-12)


def solo(t: dict, spk: str):
    """Stretches where only ``spk`` speaks (never inside an overlap)."""
    ov = [(o["start"] - 0.1, o["end"] + 0.1) for o in t["overlaps"]]
    out = []
    for s in t["segments"]:
        if s["speaker"] != spk:
            continue
        a, b = s["start"], s["end"]
        for oa, ob in sorted(ov):
            if ob <= a or oa >= b:
                continue
            if oa > a:
                out.append((a, oa))
            a = max(a, ob)
        if b > a:
            out.append((a, b))
    return out


def check_audio(t: dict, out: Path) -> None:
    two, sr = sf.read(str(out / t["files"]["two-mic"]), dtype="float32", always_2d=True)
    one, _ = sf.read(str(out / t["files"]["single-mic"]), dtype="float32", always_2d=True)
    assert sr == SR and two.shape[1] == 2 and one.shape[1] == 1
    assert abs(two.shape[0] / SR - t["duration_s"]) < 0.05
    for spk, ch in t["channels"].items():
        other = next(s for s in t["channels"] if s != spk)
        gap = levels(two[:, ch], solo(t, spk)) - levels(two[:, ch], solo(t, other))
        assert 15.0 <= gap <= 25.0, f"cross-talk of {other} on channel {ch} is {gap:.1f} dB down"


def check_cuts(t: dict, out: Path) -> None:
    two, _ = sf.read(str(out / t["files"]["two-mic"]), dtype="float32", always_2d=True)
    took = [x for x in t["interruptions"] if x["outcome"] == "took_floor"]
    for x in took:
        segs = [(s["start"], s["end"]) for s in t["segments"] if s["speaker"] == x["interrupted"]]
        # the interrupted voice stops within ~1 s, in the truth ...
        assert not any(a < x["time"] + 1.0 < b for a, b in segs)
        ongoing = [b for a, b in segs if a <= x["time"] < b]
        assert ongoing and ongoing[0] - x["time"] <= 1.0
        # ... and in the sound: its own channel falls to the other's leak
        ch = t["channels"][x["interrupted"]]
        own = levels(two[:, ch], [(x["time"] - 0.9, x["time"] - 0.1)], pad=0.0)
        after = levels(two[:, ch], [(x["time"] + 1.05, x["time"] + 1.45)], pad=0.0)
        assert after < own - 10.0
    for x in t["interruptions"]:
        if x["outcome"] == "overlapped":
            segs = [(s["start"], s["end"]) for s in t["segments"] if s["speaker"] == x["interrupted"]]
            assert max(b for a, b in segs if a <= x["time"] + 1.0) > x["time"] + 1.0


def test_every_scripted_dialogue_is_labelled_with_known_labels_in_order():
    from bench.conversations import OTHER_DIALOGUE_SETS, other_dialogues
    from bench.dialogues import DIALOGUES
    from coach.types import BEHAVIOUR_LABELS

    prefixes = {"heldout": "hld-", "fresh": "frs-", "fresh2": "fr2-", "fresh3": "fr3-", "fresh4": "fr4-", "fresh5": "fr5-", "fresh6": "fr6-", "fresh7": "fr7-", "fresh8": "fr8-", "fresh9": "fr9-", "fresh10": "fr10-", "fresh11": "fr11-", "fresh12": "fr12-", "fresh13": "fr13-", "fresh14": "fr14-", "fresh15": "fr15-", "fresh16": "fr16-"}
    assert set(prefixes) == set(OTHER_DIALOGUE_SETS)
    dialogues = DIALOGUES
    for name, prefix in prefixes.items():
        assert all(d.id.startswith(prefix) for d in other_dialogues(name)), name
        dialogues += other_dialogues(name)
    assert len({d.id for d in dialogues}) == len(dialogues)
    for d in dialogues:
        assert d.partner_voice != d.listener_voice, d.id
        for line in d.lines:
            known = set(BEHAVIOUR_LABELS) | ({"asks_advice", "quotes_advice"} if line.speaker == "P" else set())
            assert set(line.labels) <= known, (d.id, line.text)
            assert line.kind in ("turn", "backchannel", "pause_backchannel", "interruption"), (d.id, line.text)


@needs_flite
def test_scripted_truth_is_consistent(scripted):
    t, out = scripted
    check_consistent(t)
    kinds = [u["kind"] for u in t["utterances"]]
    assert kinds.count("backchannel") == 1 and kinds.count("interruption") == 2
    assert {x["outcome"] for x in t["interruptions"]} == {"took_floor", "overlapped"}
    advice = [u for u in t["utterances"] if "advice" in u["labels"]]
    assert len(advice) == 1 and advice[0]["permitted"] is False and advice[0]["speaker"] == "L"
    assert t["listener_flag"]["single-mic"] == "second"


@needs_flite
def test_advice_is_permitted_after_an_accepted_offer_only(tmp_path):
    offers = Dialogue("test-offers", "test", "flite:rms", "flite:slt", (
        P("My landlord wants the flat back by March."),
        L("Can I suggest something?", "permission", "closed_question"),
        P("Not now, I just need to vent."),
        L("You should call a housing charity.", "advice"),
        P("He has not even put it in writing."),
        L("Would an idea help?", "permission", "closed_question"),
        P("Yes, please.", "asks_advice"),
        L("Ask him to put it in writing.", "advice"),
    ))
    t = render(build_scripted(offers, seed=1, cache=tmp_path / "tts"), tmp_path)
    assert [u["permitted"] for u in t["utterances"] if "advice" in u["labels"]] == [False, True]


@needs_flite
def test_scripted_audio_crosstalk_and_cuts(scripted):
    t, out = scripted
    check_audio(t, out)
    check_cuts(t, out)


@needs_flite
def test_build_is_deterministic(scripted, tmp_path):
    t, out = scripted
    again = render(build_scripted(SHORT, seed=3, cache=out / "tts"), tmp_path)
    assert again["segments"] == t["segments"]
    a = sf.read(str(out / t["files"]["two-mic"]))[0]
    b = sf.read(str(tmp_path / t["files"]["two-mic"]))[0]
    assert np.array_equal(a, b)


@needs_shared
@needs_flite
def test_voices_truth_and_audio(voices):
    t, out = voices
    check_consistent(t)
    assert t["backchannels"] and t["interruptions"]
    check_audio(t, out)
    check_cuts(t, out)


def test_bundled_sample_matches_its_ground_truth():
    samples = Path(__file__).resolve().parents[1] / "coach" / "samples"
    truth_path = samples / "practice-two-mic.json"
    if not truth_path.exists():
        pytest.skip("no bundled sample (python -m bench.make_sample makes it)")
    t = json.loads(truth_path.read_text())
    audio = samples / t["files"]["two-mic"]
    assert audio.stat().st_size < 2_000_000
    info = sf.info(str(audio))
    assert info.samplerate == SR and info.channels == 2 and 60 <= info.duration <= 90
    check_consistent(t)
    check_audio(t, samples)
    check_cuts(t, samples)
    labels = [lab for u in t["utterances"] if u["speaker"] == "L" for lab in u["labels"]]
    assert {"advice", "permission", "reflection", "open_question"} <= set(labels)
    assert len(t["interruptions"]) == 2 and len(t["backchannels"]) >= 2


@needs_flite
def test_long_recording_joins_truths(scripted, tmp_path):
    from bench.long import make_long
    from bench.oracle import oracle_report
    from bench.score import score_report

    t, out = scripted
    long = make_long([t], out, tmp_path, minutes=1.0)
    assert long["duration_s"] >= 60 and len(long["interruptions"]) > len(t["interruptions"])
    check_consistent(long)
    check_audio(long, tmp_path)
    s = score_report(oracle_report(long), long)
    assert s["der"]["der"] == 0.0 and s["interruption"]["f1"] == 1.0 and s["advice"]["f1"] == 1.0


@needs_flite
@pytest.mark.parametrize("seed", [0, 1, 2])
def test_a_pause_backchannel_falls_between_the_partners_lines(seed, tmp_path):
    t = render(build_scripted(PAUSED, seed=seed, cache=tmp_path / "tts"), tmp_path)
    check_consistent(t)
    assert [b["in_pause"] for b in t["backchannels"]] == [True, False, True]
    assert [u["kind"] for u in t["utterances"]] == ["turn", "backchannel", "turn", "backchannel", "backchannel", "turn"]
    assert not t["interruptions"]
