"""How soon feedback is ready after `coach record` stops, on a long conversation, and whether it is as good.

Builds one long conversation of a single pair of LibriSpeech voices with one microphone geometry (what a
real practice session is, unlike ``--long`` of run.py, which joins 15 different conversations), then:

- records it through ``coach record --fake-source xN:FILE`` (blocks paced at up to N times real time, so
  the live analysis has less time than with a microphone: the delay measured is an upper bound as long
  as it keeps up), and reads "Feedback ready X s after the recording stopped";
- analyses the same file with ``coach analyze`` (the offline path) for comparison;
- scores both reports against the ground truth.

    python -m bench.live --minutes 30 --speed 3 --json bench/out/live.json
    python -m bench.live --minutes 30 --mode single-mic
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import tempfile
from pathlib import Path

import soundfile as sf

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import score  # noqa: E402
from bench.conversations import OUT_DIR, build_voices, render  # noqa: E402
from bench.run import REPO, machine, measured  # noqa: E402

PAIR = ("3331", "367")


def build(minutes: float, seed: int, mode: str) -> tuple[dict, Path]:
    out = OUT_DIR / "live"
    name = f"live-{PAIR[0]}-{PAIR[1]}-{minutes:g}m"
    if (out / f"{name}.json").is_file():
        truth = json.loads((out / f"{name}.json").read_text())
    else:
        conv = build_voices(*PAIR, seed, OUT_DIR / "tts", target_s=minutes * 60)
        truth = render(dataclasses.replace(conv, id=name), out)
    return truth, out / truth["files"][mode]


def _scores(report: dict, truth: dict) -> dict:
    s = score.score_report(report, truth)
    return {
        "der": s["der"]["der"],
        "overlap_f1": s["overlap"]["f1"],
        "interruption_f1": s["interruption"]["f1"],
        "backchannel_f1": s["backchannel"]["f1"],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="feedback delay after coach record stops")
    ap.add_argument("--minutes", type=float, default=30.0)
    ap.add_argument("--speed", type=float, default=3.0, help="pace the fake microphone N times real time")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--mode", choices=("two-mic", "single-mic"), default="two-mic")
    ap.add_argument("--coach", default=str(REPO / ".venv" / "bin" / "coach"))
    ap.add_argument("--json", metavar="PATH")
    args = ap.parse_args(argv)

    truth, audio = build(args.minutes, args.seed, args.mode)
    info = sf.info(str(audio))
    duration = info.duration
    listener = truth["listener_flag"][args.mode]
    work = Path(tempfile.mkdtemp(prefix="coach-live-bench-"))
    env = os.environ | {"COACH_HOME": str(work / "home")}
    print(f"{audio.name}: {duration / 60:.1f} min, recording at {args.speed:g}x real time ...", file=sys.stderr)
    rec = measured([args.coach, "record", "--fake-source", f"x{args.speed:g}:{audio}", "--channels", str(info.channels),
                    "--duration", f"{duration:.3f}", "--listener", listener, "--out", str(work / "rec.wav")],
                   work / "record.log", 6 * 3600, env)
    text = (work / "record.log").read_text()
    found = re.search(r"Feedback ready ([\d.]+) s after the recording stopped", text)
    session = re.search(r"Saved as session (\S+)\.", text)
    if rec["rc"] != 0 or not found or not session:
        print(f"coach record failed (exit {rec['rc']}):\n{text[-2000:]}", file=sys.stderr)
        return 1
    shown = measured([args.coach, "show", session.group(1), "--json"], work / "show.log", 600, env)
    live_report = json.loads((work / "show.log").read_text())
    print("offline analysis of the same file ...", file=sys.stderr)
    off = measured([args.coach, "analyze", str(audio), "--listener", listener, "--json", str(work / "offline.json"),
                    "--no-store"], work / "analyze.log", 6 * 3600, env)
    offline_report = json.loads((work / "offline.json").read_text())
    result = {
        "machine": machine(),
        "file": audio.name, "mode": args.mode, "minutes": round(duration / 60, 2), "speed": args.speed,
        "feedback_delay_s": float(found.group(1)),
        # The fake microphone cannot always keep the pace asked for (the recorder's own thread shares two
        # cores with the analysis); this is the pace it kept.
        "speed_kept": round(duration / max(rec["wall_s"] - float(found.group(1)), 1e-9), 2),
        "live": {"final_analysis_s": live_report["timings"]["total_s"], "peak_rss_mb": rec["peak_rss_mb"],
                 **_scores(live_report, truth)},
        "offline": {"wall_s": off["wall_s"], "peak_rss_mb": off["peak_rss_mb"], **_scores(offline_report, truth)},
        "show_rc": shown["rc"],
    }
    print(json.dumps(result, indent=1))
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
