"""Make the bundled demo conversation ``coach/samples/practice-two-mic.flac`` and its ground truth.

A scripted practice conversation (about 65 s) rendered with TTS: the partner (piper joe) talks about
stress at work with a manager; the listener (flite slt) does some things well (backchannels, an open
question, a reflection, validation, asking permission before advising) and some badly (two
interruptions, advice nobody asked for, turning the talk to herself). Two channels with cross-talk,
one person per channel, the listener on the left.

Its script is kept apart from ``bench/dialogues.py`` so the benchmark stays a held-out test for
anything tuned on the demo.

    python -m bench.make_sample [--single-mic]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import soundfile as sf

from .conversations import BENCH_DIR, OUT_DIR, build_scripted, rng_for
from .dialogues import BC, CUT, OVER, Dialogue, L, P
from .sound import SR
from .timeline import mix

SAMPLES = BENCH_DIR.parent / "coach" / "samples"
SEED = 2024

SAMPLE = Dialogue("practice-two-mic", "stress at work with a manager", "piper:joe", "flite:slt", (
    P("Work has been really getting to me. My new manager checks everything I do, and last week "
      "she rewrote my whole report without even telling me."),
    BC("Mm-hmm.", 0.5),
    L("What was that like for you?", "open_question"),
    P("Honestly, it felt like a punch in the stomach. I worked on that report for three weeks, and "
      "she presented it to the directors as if it was her own."),
    CUT("You should report her to human resources.", "advice", at=0.55),
    P("Maybe. But I'm not sure I want to make it a big thing. I just want to feel trusted again."),
    BC("Yeah.", 0.45),
    L("So what hurts most is feeling that she doesn't trust you.", "reflection"),
    P("Yes, exactly. I used to love this job. Now I lie awake on Sunday nights dreading Monday "
      "morning, and I snap at my kids."),
    OVER("Oh, I know, my old boss was exactly like that.", "self_focus", at=0.4),
    P("And I don't want to be that kind of parent."),
    L("That sounds exhausting, carrying all of that home with you.", "validation"),
    P("It is. I don't know what to do any more."),
    L("Would it help if I shared an idea?", "permission", "closed_question"),
    P("Yes, please."),
    L("Maybe you could ask her for a short weekly check in, so she sees your work before it's finished.", "advice"),
    P("That might actually work. She might calm down if she feels in the loop."),
    BC("Right.", 0.5),
    L("How do you think she'd take it?", "open_question"),
    P("Better than a complaint, I think."),
))


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--single-mic", action="store_true", help="also write practice-single-mic.flac")
    ap.add_argument("--out", type=Path, default=SAMPLES)
    args = ap.parse_args(argv)
    conv = build_scripted(SAMPLE, SEED, OUT_DIR / "tts")
    truth = conv.timeline.truth(SAMPLE.id, "scripted", SEED)
    rng = rng_for(SEED, SAMPLE.id + "/mix")
    channel_of = {"L": 0, "P": 1}
    # quieter hiss than the benchmark's: FLAC cannot compress noise, and the sample must stay small
    two, info2 = mix(conv.timeline, rng, channel_of, snr_db=70.0)
    args.out.mkdir(parents=True, exist_ok=True)
    files = {"two-mic": "practice-two-mic.flac"}
    sf.write(str(args.out / files["two-mic"]), two.T, SR, subtype="PCM_16")
    mixes = {"two-mic": info2}
    if args.single_mic:
        one, info1 = mix(conv.timeline, rng, None, snr_db=50.0)
        files["single-mic"] = "practice-single-mic.flac"
        sf.write(str(args.out / files["single-mic"]), one.T, SR, subtype="PCM_16")
        mixes["single-mic"] = info1
    truth.update(
        files=files,
        voices=conv.voices,
        channels=channel_of,
        listener_flag={"two-mic": "left", "single-mic": "second"},
        mix=mixes,
        made_by="python -m bench.make_sample",
    )
    (args.out / "practice-two-mic.json").write_text(json.dumps(truth, indent=1) + "\n")
    for f in files.values():
        p = args.out / f
        print(f"{p}  {sf.info(str(p)).duration:.1f} s  {p.stat().st_size / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
