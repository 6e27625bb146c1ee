"""A perfect ``coach.report/2`` made from a ground truth: the scorer's and the runner's self-check.

``oracle_report(truth)`` is what a flawless pipeline would write. The module also stands in for the
``coach`` executable (``python -m bench.oracle analyze AUDIO --json OUT …``, reading the truth JSON
beside the audio), so the runner can be tested end to end without the real pipeline:

    python -m bench.run --quick --coach bench/oracle-coach
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .score import ref_segments


def oracle_report(truth: dict, mode: str = "single-mic") -> dict:
    ids = {s["id"]: f"S{k}" for k, s in enumerate(truth["speakers"])}
    segs = ref_segments(truth)
    turns = [
        {"speaker": ids[s], "start": a, "end": b, "text": "", "words": []}
        for s, spans in segs.items()
        for a, b in spans
    ]
    events = [
        {"type": "interruption", "speaker": ids[x["interrupter"]], "start": x["time"], "end": x["time"],
         "text": "", "detail": {"interrupted": ids[x["interrupted"]], "outcome": x["outcome"]}}
        for x in truth.get("interruptions", [])
    ] + [
        {"type": "backchannel", "speaker": ids[x["speaker"]], "start": x["time"], "end": x["end"],
         "text": x.get("text", ""), "detail": {}}
        for x in truth.get("backchannels", [])
    ]
    for u in truth.get("utterances", []):
        for label in u.get("labels", []):
            detail = {"permitted": True} if label == "advice" and u.get("permitted") else {}
            events.append({"type": label, "speaker": ids[u["speaker"]], "start": u["start"], "end": u["end"],
                           "text": u["text"], "detail": detail})
    return {
        "schema": "coach.report/2",
        "session_id": None,
        "audio": {"path": "", "duration_s": truth.get("duration_s", 0.0), "channels": 2 if mode == "two-mic" else 1,
                  "sample_rate": 16000, "mode": mode},
        "model": {"name": "oracle"},
        "speakers": [
            {"id": ids[s["id"]], "role": s.get("role", "other"), "channel": None, "talk_time_s": 0.0}
            for s in truth["speakers"]
        ],
        "turns": sorted(turns, key=lambda t: t["start"]),
        "overlaps": truth.get("overlaps", []),
        "events": sorted(events, key=lambda e: e["start"]),
        "metrics": {},
        "timings": {"total_s": 0.0},
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("command", choices=["analyze"])
    ap.add_argument("audio")
    ap.add_argument("--json", required=True)
    ap.add_argument("--listener")
    ap.add_argument("--model")
    ap.add_argument("--no-store", action="store_true")
    args = ap.parse_args(argv)
    audio = Path(args.audio)
    truth_path = audio.with_name(audio.name.split(".")[0] + ".json")
    if not truth_path.exists():
        print(f"no ground truth beside {audio}", file=sys.stderr)
        return 1
    mode = "two-mic" if ".2ch." in audio.name else "single-mic"
    Path(args.json).write_text(json.dumps(oracle_report(json.loads(truth_path.read_text()), mode)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
